export * from './credentials';
export * from './nodeTypes';
export * from './runWorkflow';
export * from './credentialTest';
export * from './fakeClock';
export * from './http';
