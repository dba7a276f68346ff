// skyflow-bridge/migrate: A/B comparison, feature-flagged cutover and the
// usage report. Its surface arrives with the migration tools issue.
export {};
