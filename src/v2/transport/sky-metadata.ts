import { arch, platform, release } from 'node:os';
import { VERSION } from '../version.js';

/**
 * The `sky-metadata` header Skyflow's SDKs send with vault calls, naming this
 * package so the service can tell its traffic apart. Computed once.
 */
export const SKY_METADATA: string = JSON.stringify({
  sdk_name_version: `skyflow-bridge@${VERSION}`,
  sdk_client_device_model: `${platform()} ${arch()}`,
  sdk_client_os_details: `${platform()}-${release()}`,
  sdk_runtime_details: `Node@${process.version}`,
});
