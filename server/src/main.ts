import { startServer } from './app';

async function main() {
  const server = await startServer();
  let exiting = false;
  const shutdown = (signal: string) => {
    if (exiting) return;
    exiting = true;
    process.stdout.write(JSON.stringify({ level: 30, msg: `received ${signal}` }) + '\n');
    server.stop().then(
      () => process.exit(0),
      (err) => {
        console.error('shutdown failed', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  console.error('Kaoping failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
