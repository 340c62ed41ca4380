// The configuration rules that keep Roer closed: no unauthenticated server on the network without an
// explicit override, host names validated, and secrets never echoed in an error.
import { ConfigError, loadConfig } from '../../server/config.js';

const errorOf = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error(`no ConfigError for ${JSON.stringify(env)}`);
};

describe('configuration', () => {
  it('when HOST is beyond loopback and ROER_AUTH=off, then it is refused, naming the variables that fix it', () => {
    for (const HOST of ['0.0.0.0', '::', '192.168.1.10', 'roer.gemeente.nl']) {
      const message = errorOf({ HOST });
      expect(message).toMatch(/HOST: listens beyond this computer/);
      for (const name of ['ROER_AUTH=token', 'ROER_ADMIN_TOKEN', 'HOST=127.0.0.1', 'ROER_ALLOW_UNAUTHENTICATED_NETWORK=yes']) expect(message).toContain(name);
    }
  });

  it('when HOST is loopback, auth is on, or the override is given, then it starts', () => {
    for (const HOST of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]']) expect(loadConfig({ HOST }).HOST).toBe(HOST);
    expect(loadConfig({ HOST: '0.0.0.0', ROER_AUTH: 'token' }).ROER_AUTH).toBe('token');
    expect(loadConfig({ HOST: '0.0.0.0', ROER_ALLOW_UNAUTHENTICATED_NETWORK: 'yes' }).ROER_ALLOW_UNAUTHENTICATED_NETWORK).toBe('yes');
    expect(errorOf({ HOST: '0.0.0.0', ROER_ALLOW_UNAUTHENTICATED_NETWORK: 'true' })).toMatch(/ROER_ALLOW_UNAUTHENTICATED_NETWORK/);
  });

  it('when ROER_ALLOWED_HOSTS lists names, then they are normalised; a URL or a port is refused', () => {
    expect(loadConfig({}).ROER_ALLOWED_HOSTS).toEqual([]);
    expect(loadConfig({ ROER_ALLOWED_HOSTS: ' Roer.Gemeente.nl, 10.0.0.5,,::1 ' }).ROER_ALLOWED_HOSTS).toEqual(['roer.gemeente.nl', '10.0.0.5', '[::1]']);
    for (const value of ['https://roer.gemeente.nl', 'roer.gemeente.nl:3000', 'roer gemeente', '*.gemeente.nl']) {
      expect(errorOf({ ROER_ALLOWED_HOSTS: value })).toMatch(/ROER_ALLOWED_HOSTS\.0: host names or addresses/);
    }
  });

  it('when a secret is invalid, then the error names the variable but never shows the value', () => {
    const secret = 'hunter2-secret';
    const message = errorOf({ ROER_ADMIN_TOKEN: secret, PORT: 'abc' });
    expect(message).toContain('ROER_ADMIN_TOKEN: at least 16 characters (value not shown)');
    expect(message).not.toContain(secret);
    expect(message).toContain('PORT');
    expect(message).toContain('"abc"');
  });
});
