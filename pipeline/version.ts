// Stored with every document: a change re-derives documents under --reprocess.
export const PIPELINE_VERSION = '0.1.0';
