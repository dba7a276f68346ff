// skyflow-bridge/v1: the drop-in facade for skyflow-node@1, built on the v2
// core. Its surface arrives with the v1 facade issue.
export {};
