/**
 * Forked by benchPermissions (bench/permissions.ts): runs section (e) on a fresh heap and sends
 * its figures back. Usage: node -r @swc-node/register bench/permissions.child.ts <temp dir>
 */
import 'reflect-metadata';
import { measurePermissions } from './permissions';

async function main(): Promise<void> {
  const figures = await measurePermissions(process.argv[2]);
  process.send?.(figures);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
