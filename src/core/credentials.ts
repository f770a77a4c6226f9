/**
 * What signing needs from the credentials chain: keys, and a source that hands them out (and
 * refreshes temporary ones). The chain in config/ implements it; the API client consumes it.
 */
export interface Credentials {
  secretId: string;
  secretKey: string;
  token?: string;
  /** Milliseconds since the epoch, for temporary credentials. */
  expiresAt?: number;
}

/** Which step of the chain supplied the credentials. */
export type CredentialKind = 'environment' | 'tccli-profile' | 'sdk-file' | 'cvm-role' | 'role-arn' | 'tke-oidc';

/** The role a source acts as, when its keys come from STS. */
export interface AssumedRole {
  arn: string;
  sessionName: string;
  /** The STS action that issues the keys. */
  action: 'AssumeRole' | 'AssumeRoleWithWebIdentity';
  /** The STS endpoint asked, and where that choice came from. */
  stsEndpoint: string;
  stsEndpointSource: string;
  /** Where the role setting came from (profile, environment). */
  source: string;
}

export interface CredentialSource {
  /** Where the credentials came from, for `whoami` and --debug (never the secret). */
  describe: string;
  /** Cached; temporary credentials are refreshed before they expire. */
  get(signal?: AbortSignal): Promise<Credentials>;
  kind?: CredentialKind;
  /** The file the credentials were read from, if any. */
  path?: string;
  /** Set when the keys are a role's, from STS. */
  assumedRole?: AssumedRole;
}
