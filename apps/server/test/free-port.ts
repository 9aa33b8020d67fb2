import net from 'node:net';

/**
 * A port nothing listens on, as the OS hands it out. A random number would do worse: above
 * 32768 it can be the local port of one of the tests' own client connections.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
