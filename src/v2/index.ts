// skyflow-bridge/v2: the native v2 core. Its client, requests, responses and
// errors arrive with the v2 core issue; this entry point exists so that the
// package layout and its exports are fixed from the start.
export {};
