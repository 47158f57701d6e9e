// `npm start` / `npm run serve`: the Dangol server for a market lounge. Reads PORT, HOST, DATABASE_URL,
// DATA_DIR; seeds the demo market on first start; prints the URL and a fresh one-time enrollment code.
import fs from 'node:fs';
import os from 'node:os';
import { createEnrollmentCode, listMarkets } from './admin/commands';
import { startServer } from './start';

function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((i): i is os.NetworkInterfaceInfo => !!i && i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be 0-65535, got "${process.env.PORT}"`);
  const host = process.env.HOST ?? '0.0.0.0';
  const certFile = process.env.TLS_CERT_FILE;
  const keyFile = process.env.TLS_KEY_FILE;
  const tls = certFile && keyFile ? { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) } : undefined;
  const server = await startServer({
    port,
    host,
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.DATA_DIR ?? 'data',
    distDir: process.env.DIST_DIR ?? 'dist',
    seedDemo: true,
    log: true,
    tls,
  });
  const markets = await listMarkets(server.storage);
  const market = markets.find((m) => m.demo) ?? markets[0];
  const lines = [
    '',
    `단골 서버가 시작되었습니다 / Dangol server is running (${server.storage.dialect})`,
    `  열 주소 / Open:  ${server.url}`,
    ...(host === '0.0.0.0'
      ? lanAddresses().map(
          (a) => `  태블릿(같은 와이파이) / Tablets on the LAN:  ${tls ? 'https' : 'http'}://${a}:${server.port}`,
        )
      : []),
  ];
  if (market) {
    const { code, expiresAt } = await createEnrollmentCode(server.storage, market.id, 60);
    lines.push(
      `  시장 / Market:  ${market.name}  (${market.id})`,
      `  등록 코드 / Enrollment code:  ${code}   (한 번만, ${expiresAt}까지 / once, until ${expiresAt})`,
    );
  }
  if (!tls && host !== '127.0.0.1' && host !== 'localhost') {
    lines.push(
      '  주의 / Note: 다른 기기에서 오프라인·PIN 기능을 쓰려면 HTTPS가 필요합니다 (TLS_CERT_FILE, TLS_KEY_FILE).',
      '        Tablets on the LAN need HTTPS for offline use and PINs: set TLS_CERT_FILE and TLS_KEY_FILE.',
    );
  }
  lines.push(
    '  코드 더 만들기 / More codes:  npm run admin -- code:create --market <market-id>',
    '  시장 목록 / Markets:  npm run admin -- markets:list',
    '',
  );
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: 서버를 멈춥니다 / stopping the server`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(
    `단골 서버를 시작하지 못했습니다 / Could not start the Dangol server: ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exit(1);
});
