// The dtp localnet driven by the official Sui TypeScript SDK: `SuiGrpcClient` (gRPC-web over
// HTTP/1.1) reads the chain, the faucet funds a new key, and a signed `pipe::send` is executed.
// Prints one JSON object on stdout; exits non-zero with the error on stderr.
//
// Environment: DTP_GRPC_URL, DTP_FAUCET_URL, DTP_PACKAGE, DTP_HOST, DTP_PIPE (ids as 0x...),
// optionally DTP_RESOLVE=auto to let the SDK resolve inputs and gas through SimulateTransaction
// instead of giving every reference explicitly.

import { SuiGrpcClient } from '@mysten/sui/grpc';
import { requestSuiFromFaucetV2 } from '@mysten/sui/faucet';
import { Ed25519Keypair } from '@mysten/sui/keypairs/ed25519';
import { Transaction } from '@mysten/sui/transactions';

function env(name) {
	const v = process.env[name];
	if (!v) throw new Error(`${name} is not set`);
	return v;
}

const url = env('DTP_GRPC_URL');
const faucet = env('DTP_FAUCET_URL');
const pkg = env('DTP_PACKAGE');
const hostId = env('DTP_HOST');
const pipeId = env('DTP_PIPE');
const auto = process.env.DTP_RESOLVE === 'auto';

const client = new SuiGrpcClient({ network: 'localnet', baseUrl: url });

/** Type, version and owner of an object, as the SDK reports them. */
async function describe(objectId) {
	const { object } = await client.getObject({ objectId });
	return { id: object.objectId, type: object.type, version: object.version, owner: object.owner };
}

/** The initial shared version of a shared object. */
function sharedVersion(o) {
	const v = o.owner?.Shared?.initialSharedVersion;
	if (v === undefined) throw new Error(`${o.id} is not shared: ${JSON.stringify(o.owner)}`);
	return v;
}

const { chainIdentifier } = await client.getChainIdentifier();
const { referenceGasPrice } = await client.getReferenceGasPrice();
const clock = await describe('0x6');
const dtpPackage = await describe(pkg);
const host = await describe(hostId);
const pipe = await describe(pipeId);

const keypair = Ed25519Keypair.generate();
const sender = keypair.toSuiAddress();
const funded = await requestSuiFromFaucetV2({ host: faucet, recipient: sender });
// As on any fullnode, reads may trail effects: wait for the faucet's transfer first.
await client.waitForTransaction({ digest: funded.coins_sent[0].transferTxDigest });
const { balance } = await client.getBalance({ owner: sender });
const { objects: coins } = await client.listCoins({ owner: sender });

const payload = new TextEncoder().encode('hello from @mysten/sui');
const tx = new Transaction();
tx.setSender(sender);
let args;
if (auto) {
	// The SDK resolves the objects, the gas coin and the budget with SimulateTransaction.
	args = [tx.object(pipeId), tx.object(hostId)];
} else {
	const coin = coins[0];
	tx.setGasPrice(BigInt(referenceGasPrice));
	tx.setGasBudget(50_000_000n);
	tx.setGasPayment([{ objectId: coin.objectId, version: coin.version, digest: coin.digest }]);
	args = [
		tx.sharedObjectRef({ objectId: pipeId, initialSharedVersion: sharedVersion(pipe), mutable: true }),
		tx.sharedObjectRef({ objectId: hostId, initialSharedVersion: sharedVersion(host), mutable: false }),
	];
}
tx.moveCall({
	target: `${pkg}::pipe::send`,
	arguments: [
		...args,
		tx.pure.vector('u8', payload),
		tx.pure.vector('u8', []),
		tx.pure.string(''),
		tx.object.clock(),
	],
});

const result = await client.signAndExecuteTransaction({
	transaction: tx,
	signer: keypair,
	include: { effects: true, events: true },
});
const executed = result.Transaction ?? result.FailedTransaction;
if (!result.Transaction) {
	throw new Error(`the transaction failed: ${JSON.stringify(executed?.status ?? result)}`);
}
const seen = await client.waitForTransaction({ digest: executed.digest, include: { effects: true } });

console.log(
	JSON.stringify({
		chainIdentifier,
		referenceGasPrice,
		clock,
		package: dtpPackage,
		host,
		pipe,
		sender,
		faucetCoins: funded.coins_sent.length,
		balance: balance.balance,
		coins: coins.length,
		resolve: auto ? 'auto' : 'explicit',
		digest: executed.digest,
		status: executed.status,
		events: (executed.events ?? []).map((e) => e.eventType ?? e.type),
		waited: seen.Transaction?.digest ?? null,
	}),
);
