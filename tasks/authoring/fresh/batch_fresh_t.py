from lib import t, lines

# Persona: smart-contract / blockchain dev + auditor. Solidity (Foundry, Hardhat), Rust/Anchor on Solana,
# TypeScript bots (liquidators, MEV, indexers, relayers). Terse, crypto slang, thinks in invariants,
# exploits, gas and reorgs -- but also does plenty of boring chores (coverage tables, gas diffs, reruns).

# 1
# why: several metrics checked against fixed thresholds (plus one skipped-test and warning-delta rule); no code reasoning: medium
t('medium', 'quality-gate',
  "merge gate for the liquidator bot PR. criteria + tool outputs attached. verdict per criterion, overall go/no-go, and what to fix first",
  files=[('.quality/criteria.md', """
- tsc --noEmit: 0 errors
- eslint: 0 errors, warnings must not increase vs main (main: 14)
- vitest: 0 failures, 0 skipped tests in src/executor/**
- coverage on changed files: lines >= 85%, branches >= 75%
- no new `any` in src/executor/**
- bundle (dist/bot.js) <= 1.5 MB
"""),
         ('reports/eslint.txt', """
src/executor/sender.ts
  44:11  warning  Unexpected any. Specify a different type  @typescript-eslint/no-explicit-any
  87:5   warning  'receipt' is assigned a value but never used  @typescript-eslint/no-unused-vars
src/strategies/backrun.ts
  12:1   warning  Import order  import/order

✖ 17 problems (0 errors, 17 warnings)
"""),
         ('reports/vitest.txt', """
 ✓ src/executor/sender.test.ts (12 tests | 1 skipped) 412ms
 ✓ src/executor/nonce.test.ts (8 tests) 96ms
 ✓ src/strategies/backrun.test.ts (21 tests) 733ms
 ✓ src/health.test.ts (14 tests) 51ms

 Test Files  4 passed (4)
      Tests  54 passed | 1 skipped (55)
"""),
         ('reports/coverage-changed.txt', """
File                      | % Lines | % Branch
src/executor/sender.ts    |   88.10 |    71.43
src/executor/nonce.ts     |   95.00 |    90.00
src/strategies/backrun.ts |   84.62 |    80.00
"""),
         ('reports/build.txt', "$ tsc --noEmit\nFound 0 errors.\n$ npm run bundle\ndist/bot.js  1.46 MB  (gzip 402 kB)\n")],
  fw='vitest')

# 2
t('simple', 'quality-gate',
  "gate is lines >= 85 and branches >= 70 on src/. pass or fail?",
  files=[('coverage/summary.txt', """
Lines      : 87.4% ( 1021/1168 )
Statements : 86.9% ( 1102/1268 )
Branches   : 68.8% ( 302/439 )
Functions  : 91.2% ( 198/217 )
""")],
  fw='vitest')

# 3
t('medium', 'test-execution',
  "run the integration suite against a mainnet fork pinned to 19_250_000. alchemy throttles us so keep workers low. give me pass/fail per spec file and split failures into 'rpc flake' vs 'real'",
  files=[('hardhat.config.ts', """
import { HardhatUserConfig } from 'hardhat/config';
import '@nomicfoundation/hardhat-toolbox';

const FORK_BLOCK = process.env.FORK_BLOCK ? Number(process.env.FORK_BLOCK) : undefined;

const config: HardhatUserConfig = {
  solidity: '0.8.24',
  networks: {
    hardhat: {
      forking: process.env.MAINNET_RPC
        ? { url: process.env.MAINNET_RPC, blockNumber: FORK_BLOCK, enabled: true }
        : undefined,
      chainId: 1,
    },
  },
  mocha: { timeout: 180_000, parallel: process.env.MOCHA_PARALLEL === '1', jobs: Number(process.env.MOCHA_JOBS ?? 4) },
};

export default config;
"""),
         ('package.json', """
{
  "name": "vault-integrations",
  "scripts": {
    "test:int": "hardhat test test/integration/**/*.spec.ts",
    "test:unit": "hardhat test test/unit/**/*.spec.ts"
  }
}
""")],
  reqs=['set FORK_BLOCK=19250000, MOCHA_JOBS <= 2', 'rpc flake = 429 / timeout / header not found; anything else is real'],
  fw='hardhat')

# 4
t('simple', 'defect-analysis',
  "ui shows '1.5e-7 ETH' for small balances. helper below, what's wrong",
  files=[('src/utils/formatAmount.ts', """
export function formatAmount(raw: bigint, decimals: number, maxFrac = 6): string {
  const value = Number(raw) / 10 ** decimals;
  if (value === 0) return '0';
  if (value < 10 ** -maxFrac) return `<${(10 ** -maxFrac).toString()}`;
  return value.toString();
}
"""),
         ('src/utils/formatAmount.test.ts', """
import { expect, it } from 'vitest';
import { formatAmount } from './formatAmount';

it('formats 150 gwei worth of ETH', () => {
  expect(formatAmount(150_000_000_000n, 18)).toBe('<0.000001');
});
// actual: '<0.000001' passes, but formatAmount(150_000_000_000n, 18, 9) returns '1.5e-7'
""")],
  fw='vitest')

# 5
t('medium', 'coverage-analysis',
  "coverage for packages/liquidator after last sprint. don't just give me the lowest %, tell me which gaps actually matter for a bot that moves money, and which tests to add first",
  files=[('packages/liquidator/coverage/coverage-summary.txt', """
File                      | % Stmts | % Branch | % Funcs | % Lines | Uncovered Line #s
--------------------------|---------|----------|---------|---------|-------------------
All files                 |   78.41 |    61.22 |   83.33 |   79.02 |
 src/config.ts            |     100 |      100 |     100 |     100 |
 src/health.ts            |   71.42 |    50.00 |     100 |   72.00 | 31-36,44-47
 src/positions.ts         |   88.23 |    75.00 |   85.71 |   88.00 | 61,88-90
 src/executor.ts          |   64.10 |    42.85 |   66.66 |   65.78 | 40-58,97-104,131
 src/gas.ts               |   92.00 |    83.33 |     100 |   92.00 | 27
 src/profit.ts            |   80.95 |    62.50 |     100 |   81.81 | 19-22
 src/logger.ts            |     100 |      100 |     100 |     100 |
 src/main.ts              |       0 |        0 |       0 |       0 | 1-42
"""),
         ('packages/liquidator/src/health.ts', """
import { PositionSnapshot, ReserveConfig } from './types';

const WAD = 10n ** 18n;

export function collateralValue(p: PositionSnapshot, reserves: Map<string, ReserveConfig>): bigint {
  let total = 0n;
  for (const c of p.collateral) {
    const r = reserves.get(c.asset);
    if (!r) throw new Error(`unknown reserve ${c.asset}`);
    if (!r.usageAsCollateralEnabled) continue;
    const valueWad = (c.amount * c.priceWad) / 10n ** BigInt(r.decimals);
    total += (valueWad * BigInt(r.liquidationThresholdBps)) / 10_000n;
  }
  return total;
}

export function debtValue(p: PositionSnapshot, reserves: Map<string, ReserveConfig>): bigint {
  let total = 0n;
  for (const d of p.debt) {
    const r = reserves.get(d.asset);
    if (!r) throw new Error(`unknown reserve ${d.asset}`);
    total += (d.amount * d.priceWad) / 10n ** BigInt(r.decimals);
  }
  return total;
}

export function healthFactor(p: PositionSnapshot, reserves: Map<string, ReserveConfig>): bigint {
  const debt = debtValue(p, reserves);
  if (debt === 0n) {
    return 2n ** 256n - 1n;
  }
  const coll = collateralValue(p, reserves);
  if (coll === 0n) {
    return 0n;
  }
  return (coll * WAD) / debt;
}

export function isLiquidatable(p: PositionSnapshot, reserves: Map<string, ReserveConfig>, bufferBps = 0): boolean {
  const hf = healthFactor(p, reserves);
  if (bufferBps > 0) {
    const threshold = WAD - (WAD * BigInt(bufferBps)) / 10_000n;
    return hf < threshold;
  }
  return hf < WAD;
}
""")],
  fw='vitest')

# 6
t('simple', 'performance-testing',
  "k6 summary from last night's quote api soak. p95, error rate, did thresholds pass? two lines max",
  files=[('reports/k6-summary.txt', """
     ✓ status is 200
     ✗ quote has route
      ↳  99% — ✓ 286011 / ✗ 1544

     checks.........................: 99.73% ✓ 574466 ✗ 1544
     data_received..................: 1.9 GB 53 kB/s
     http_req_duration..............: avg=118.4ms min=21.02ms med=96.1ms max=4.81s p(90)=201.7ms p(95)=263.9ms
       { expected_response:true }...: avg=117.9ms min=21.02ms med=95.8ms max=4.81s p(90)=200.9ms p(95)=262.3ms
   ✓ http_req_failed................: 0.12%  ✓ 351    ✗ 287204
     http_reqs......................: 287555 7.98/s
     iterations.....................: 287555 7.98/s
     vus............................: 40     min=40 max=40

   ✗ http_req_duration: p(95)<250
   ✓ http_req_failed: rate<0.01
""")],
  fw='k6', lang='javascript')

# 7
# why: looks security-flavoured but it's a mechanical grep of a short diff for key/mnemonic-shaped strings: simple
t('simple', 'security-scan',
  "about to push. eyeball this diff for anything that looks like a private key, mnemonic or rpc url with an api key baked in",
  files=[('changes.diff', """
diff --git a/script/Deploy.s.sol b/script/Deploy.s.sol
@@ -8,7 +8,7 @@ contract Deploy is Script {
     function run() external {
-        uint256 pk = vm.envUint("DEPLOYER_PK");
+        uint256 pk = 0xabababababababababababababababababababababababababababababababab;
         vm.startBroadcast(pk);
         new Vault(IERC20(vm.envAddress("ASSET")));
         vm.stopBroadcast();
diff --git a/foundry.toml b/foundry.toml
@@ -12,3 +12,4 @@
 [rpc_endpoints]
 sepolia = "${SEPOLIA_RPC_URL}"
+mainnet = "https://eth-mainnet.g.example.com/v2/FAKE_demo_key_1234567890abcdef"
diff --git a/test/Vault.t.sol b/test/Vault.t.sol
@@ -20,6 +20,7 @@ contract VaultTest is Test {
     address alice = makeAddr("alice");
+    bytes32 constant SALT = 0x1111111111111111111111111111111111111111111111111111111111111111;
diff --git a/README.md b/README.md
@@ -40,3 +40,5 @@
+## local dev
+seed for the local wallet: `zebra orbit fancy trial cloud vivid input salad ocean humble garlic fossil` (fake, dev only)
""")],
  lang=None)

# 8
t('simple', 'defect-analysis',
  "testAverageLast panics with 0x32, what did I fat-finger",
  files=[('src/libraries/TwapLib.sol', """
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

library TwapLib {
    function averageLast(uint256[] memory prices, uint256 n) internal pure returns (uint256) {
        require(n > 0 && n <= prices.length, "bad n");
        uint256 sum;
        for (uint256 i = prices.length - n; i <= prices.length; i++) {
            sum += prices[i];
        }
        return sum / n;
    }
}
"""),
         ('out/test-output.txt', """
[FAIL: panic: array out-of-bounds access (0x32)] testAverageLast() (gas: 9120)
Traces:
  [9120] TwapLibTest::testAverageLast()
    +- [Revert] panic: array out-of-bounds access (0x32)
""")],
  fw='foundry', lang=None)

# 9
# why: 'tests randomly fail' on a local validator, but the cause lives in commitment levels, blockhash lifetime and parallel specs sharing PDAs: concurrency across async confirmation, complex
t('complex', 'flaky-test-analysis',
  "anchor tests pass when I run one file, random fails when I run all of them. different errors every time. setup + two specs + the CI log",
  files=[('tests/setup.ts', """
import * as anchor from '@coral-xyz/anchor';
import { Keypair, LAMPORTS_PER_SOL } from '@solana/web3.js';

export const provider = anchor.AnchorProvider.env();
anchor.setProvider(provider);
provider.opts.commitment = 'processed';

export const admin = Keypair.fromSeed(new Uint8Array(32).fill(7));

export async function fund(kp: Keypair, sol = 2) {
  const sig = await provider.connection.requestAirdrop(kp.publicKey, sol * LAMPORTS_PER_SOL);
  await provider.connection.confirmTransaction(sig, 'processed');
}
"""),
         ('tests/market.spec.ts', """
import * as anchor from '@coral-xyz/anchor';
import { PublicKey } from '@solana/web3.js';
import { admin, fund, provider } from './setup';

const program = anchor.workspace.Market;

describe('market', () => {
  const [config] = PublicKey.findProgramAddressSync([Buffer.from('config')], program.programId);

  before(async () => {
    await fund(admin);
    await program.methods.initConfig(new anchor.BN(30)).accounts({ admin: admin.publicKey, config }).signers([admin]).rpc();
  });

  it('lists an item', async () => {
    const cfg = await program.account.config.fetch(config, 'confirmed');
    await program.methods.list(new anchor.BN(1_000_000)).accounts({ seller: admin.publicKey, config }).signers([admin]).rpc();
    const after = await program.account.config.fetch(config, 'confirmed');
    expect(after.listingCount.toNumber()).toBe(cfg.listingCount.toNumber() + 1);
  });
});
"""),
         ('tests/fees.spec.ts', """
import * as anchor from '@coral-xyz/anchor';
import { PublicKey } from '@solana/web3.js';
import { admin, fund } from './setup';

const program = anchor.workspace.Market;

describe('fees', () => {
  const [config] = PublicKey.findProgramAddressSync([Buffer.from('config')], program.programId);

  before(async () => {
    await fund(admin);
    try {
      await program.methods.initConfig(new anchor.BN(30)).accounts({ admin: admin.publicKey, config }).signers([admin]).rpc();
    } catch {}
  });

  it('updates fee', async () => {
    await program.methods.setFee(new anchor.BN(50)).accounts({ admin: admin.publicKey, config }).signers([admin]).rpc();
    const cfg = await program.account.config.fetch(config);
    expect(cfg.feeBps.toNumber()).toBe(50);
  });
});
"""),
         ('ci/anchor-test.log', """
$ anchor test -- --parallel --jobs 4
  market
    1) "before all" hook in "market"
  fees
    ✔ updates fee (812ms)

  1) market "before all" hook:
     SendTransactionError: Simulation failed. Message: Transaction simulation failed: Error processing Instruction 0: custom program error: 0x0.
     Logs: Allocate: account Address { address: 9Vv..., base: None } already in use

--- run #2 ---
  market
    1) lists an item
     AssertionError: expected 2 to be 1
  fees
    2) updates fee
     Error: failed to send transaction: Transaction simulation failed: Blockhash not found

--- run #3 ---
  market  ✔ lists an item
  fees
    1) updates fee
     AssertionError: expected 30 to be 50
""")],
  reqs=['explain each of the three failure signatures', 'fix the test setup so specs can run in parallel, or say why they cannot'],
  fw='anchor')

# 10
t('medium', 'defect-analysis',
  "arb bot skips every opp that has USDC or USDT in the path. profit logs look like dust. WETH/DAI paths fine. module + log",
  files=[('src/profit.ts', """
import { formatUnits } from 'ethers';
import { TokenMeta, Hop } from './types';

const ONE = 10n ** 18n;

export interface Opportunity {
  path: Hop[];
  amountIn: bigint;
  amountOut: bigint;
  gasUnits: bigint;
}

export function priceInEth(token: TokenMeta, ethPriceWad: Map<string, bigint>): bigint {
  const p = ethPriceWad.get(token.address.toLowerCase());
  if (p === undefined) throw new Error(`no price for ${token.symbol}`);
  return p;
}

export function profitEth(
  opp: Opportunity,
  tokenIn: TokenMeta,
  prices: Map<string, bigint>,
  gasPriceWei: bigint,
): bigint {
  const gross = opp.amountOut - opp.amountIn;
  if (gross <= 0n) return 0n;
  const grossEth = (gross * priceInEth(tokenIn, prices)) / ONE;
  const gasEth = opp.gasUnits * gasPriceWei;
  return grossEth - gasEth;
}

export function shouldExecute(
  opp: Opportunity,
  tokenIn: TokenMeta,
  prices: Map<string, bigint>,
  gasPriceWei: bigint,
  minProfitEth: number,
): boolean {
  const p = profitEth(opp, tokenIn, prices, gasPriceWei);
  const pFloat = Number(formatUnits(p, tokenIn.decimals));
  return pFloat >= minProfitEth;
}
"""),
         ('logs/bot.log', """
[12:01:07.221] opp path=WETH>USDC>WETH in=2.0 WETH out=2.0061 WETH profit=0.00421 exec=true
[12:01:09.004] opp path=USDC>WETH>USDC in=5000.0 USDC out=5012.4 USDC profit=0.000000000003711 exec=false
[12:01:09.870] opp path=USDT>DAI>USDT in=8000.0 USDT out=8019.9 USDT profit=0.000000000006002 exec=false
[12:01:11.402] opp path=DAI>WETH>DAI in=4000.0 DAI out=4010.3 DAI profit=0.00198 exec=true
[12:01:12.118] opp path=USDC>WBTC>USDC in=20000.0 USDC out=20061.0 USDC profit=-0.0000000001 exec=false
""")],
  reqs=['point at the exact lines', 'say whether prices map is meant to be per-token-unit or per-wei and fix accordingly'])

# 11
t('simple', 'test-execution',
  "run `forge test --match-contract VaultTest -vvv` and tell me what's red. just test names + revert reasons, no essay",
  fw='foundry', lang=None)

# 12
t('complex', 'coverage-analysis',
  "coverage across the lending core before audit. I don't care about % — rank the uncovered branches by how much money they could lose us if they're wrong, and tell me which ones need invariant/fork tests vs plain unit tests",
  files=[('reports/lcov-summary.txt', """
| File                         | % Lines          | % Branches      | % Funcs        |
|------------------------------|------------------|-----------------|----------------|
| src/Pool.sol                 | 91.88% (181/197) | 78.57% (44/56)  | 95.45% (21/22) |
| src/Liquidator.sol           | 84.21% (96/114)  | 61.11% (22/36)  | 100.00% (8/8)  |
| src/InterestRateModel.sol    | 100.00% (41/41)  | 91.67% (11/12)  | 100.00% (5/5)  |
| src/OracleRouter.sol         | 73.68% (42/57)   | 50.00% (10/20)  | 85.71% (6/7)   |
| src/Collateral.sol           | 95.12% (78/82)   | 87.50% (21/24)  | 100.00% (10/10)|
| src/FlashLoan.sol            | 88.89% (40/45)   | 66.67% (8/12)   | 100.00% (3/3)  |
| src/Governance.sol           | 62.50% (30/48)   | 45.45% (10/22)  | 70.00% (7/10)  |
| src/libraries/WadMath.sol    | 100.00% (24/24)  | 100.00% (6/6)   | 100.00% (6/6)  |
"""),
         ('reports/uncovered-branches.txt', """
Pool.sol:212        if (reserve.totalDebt > reserve.totalLiquidity) { ... }   // false-branch only
Pool.sol:287        if (amount == type(uint256).max) amount = userDebt;         // true-branch never
Liquidator.sol:64   if (hf < CLOSE_FACTOR_HF_THRESHOLD) closeFactor = 1e18;    // true never
Liquidator.sol:91   if (seized > collateralBalance) { seized = collateralBalance; debtToCover = ...; }  // never
Liquidator.sol:118  if (badDebt > 0) _socializeLoss(badDebt);                  // never
OracleRouter.sol:33 if (block.timestamp - updatedAt > heartbeat) return _fallback(asset);  // never
OracleRouter.sol:41 if (answer <= 0) revert InvalidPrice();                    // never
OracleRouter.sol:52 if (_deviation(primary, secondary) > maxDeviationBps) revert PriceDeviation();  // never
FlashLoan.sol:37    if (balanceAfter < balanceBefore + fee) revert NotRepaid(); // never
Governance.sol:70   if (newLtv > reserve.liquidationThreshold) revert BadParams(); // never
Collateral.sol:58   if (!reserve.usageAsCollateralEnabled) return 0;           // never
InterestRateModel.sol:29 if (utilization > kink) { ... }                        // false only
"""),
         ('src/Liquidator.sol', """
    function liquidate(address user, address debtAsset, address collAsset, uint256 debtToCover) external nonReentrant {
        uint256 hf = pool.healthFactor(user);
        if (hf >= 1e18) revert Healthy();
        uint256 closeFactor = DEFAULT_CLOSE_FACTOR;
        if (hf < CLOSE_FACTOR_HF_THRESHOLD) closeFactor = 1e18;
        uint256 maxCover = (pool.debtOf(user, debtAsset) * closeFactor) / 1e18;
        if (debtToCover > maxCover) debtToCover = maxCover;
        uint256 seized = _collateralForDebt(debtAsset, collAsset, debtToCover);
        uint256 collateralBalance = pool.collateralOf(user, collAsset);
        if (seized > collateralBalance) {
            seized = collateralBalance;
            debtToCover = _debtForCollateral(debtAsset, collAsset, seized);
        }
        pool.repayOnBehalf(msg.sender, user, debtAsset, debtToCover);
        pool.seizeCollateral(user, msg.sender, collAsset, seized);
        uint256 badDebt = pool.collateralValue(user) == 0 ? pool.debtValue(user) : 0;
        if (badDebt > 0) _socializeLoss(badDebt);
    }
"""),
         ('src/OracleRouter.sol', """
    function price(address asset) public view returns (uint256) {
        Feed memory f = feeds[asset];
        (, int256 answer, , uint256 updatedAt, ) = f.primary.latestRoundData();
        if (block.timestamp - updatedAt > f.heartbeat) return _fallback(asset);
        if (answer <= 0) revert InvalidPrice();
        uint256 primary = _scale(uint256(answer), f.primary.decimals());
        if (address(f.secondary) != address(0)) {
            uint256 secondary = _secondaryPrice(asset);
            if (_deviation(primary, secondary) > f.maxDeviationBps) revert PriceDeviation();
        }
        return primary;
    }
"""),
         ('src/FlashLoan.sol', """
    function flashLoan(address receiver, address asset, uint256 amount, bytes calldata data) external nonReentrant {
        uint256 balanceBefore = IERC20(asset).balanceOf(address(pool));
        uint256 fee = (amount * FLASH_FEE_BPS) / 10_000;
        pool.transferOut(asset, receiver, amount);
        IFlashReceiver(receiver).onFlashLoan(msg.sender, asset, amount, fee, data);
        uint256 balanceAfter = IERC20(asset).balanceOf(address(pool));
        if (balanceAfter < balanceBefore + fee) revert NotRepaid();
        pool.accrueFlashFee(asset, fee);
    }
"""),
         ('src/Pool.sol', """
    function repay(address asset, uint256 amount, address onBehalf) external nonReentrant returns (uint256) {
        _accrue(asset);
        uint256 userDebt = debtOf(onBehalf, asset);
        if (amount == type(uint256).max) amount = userDebt;
        if (amount > userDebt) amount = userDebt;
        _burnDebt(onBehalf, asset, amount);
        IERC20(asset).safeTransferFrom(msg.sender, address(this), amount);
        return amount;
    }
"""),
         ('src/Governance.sol', """
    function setReserveParams(address asset, uint256 newLtv, uint256 newLiqThreshold, uint256 newBonus) external onlyRiskAdmin {
        ReserveConfig storage reserve = pool.reserveConfig(asset);
        if (newLtv > reserve.liquidationThreshold) revert BadParams();
        if (newLiqThreshold > 9_800) revert BadParams();
        reserve.ltv = newLtv;
        reserve.liquidationThreshold = newLiqThreshold;
        reserve.liquidationBonus = newBonus;
        emit ReserveParamsUpdated(asset, newLtv, newLiqThreshold, newBonus);
    }
"""),
         ('src/Collateral.sol', """
    function collateralValue(address user, address asset) public view returns (uint256) {
        ReserveConfig memory reserve = pool.reserveConfig(asset);
        if (!reserve.usageAsCollateralEnabled) return 0;
        uint256 bal = pool.collateralOf(user, asset);
        return (bal * oracle.price(asset) / 10 ** reserve.decimals) * reserve.liquidationThreshold / 10_000;
    }
""")],
  reqs=['call out any uncovered branch that also looks buggy on read (e.g. checks the wrong param)', 'group into must-test-before-audit vs nice-to-have'],
  fw='foundry', lang=None)

# 13
t('complex', 'test-generation',
  "want a real invariant suite for this pair, handler-based. k must never go down on swaps, LPs can't mint value out of add/remove round trips, reserves always == balances after every call. fee-on-transfer tokens out of scope",
  files=[('src/Pair.sol', """
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

contract Pair is ERC20 {
    uint256 public constant MINIMUM_LIQUIDITY = 1000;
    uint256 public constant FEE_BPS = 30;
    IERC20 public immutable token0;
    IERC20 public immutable token1;
    uint112 public reserve0;
    uint112 public reserve1;

    error InsufficientLiquidity();
    error InsufficientOutput();
    error KDecreased();

    constructor(IERC20 t0, IERC20 t1) ERC20("LP", "LP") {
        token0 = t0;
        token1 = t1;
    }

    function mint(address to) external returns (uint256 liquidity) {
        uint256 bal0 = token0.balanceOf(address(this));
        uint256 bal1 = token1.balanceOf(address(this));
        uint256 a0 = bal0 - reserve0;
        uint256 a1 = bal1 - reserve1;
        uint256 supply = totalSupply();
        if (supply == 0) {
            liquidity = Math.sqrt(a0 * a1) - MINIMUM_LIQUIDITY;
            _mint(address(0xdead), MINIMUM_LIQUIDITY);
        } else {
            liquidity = Math.min((a0 * supply) / reserve0, (a1 * supply) / reserve1);
        }
        if (liquidity == 0) revert InsufficientLiquidity();
        _mint(to, liquidity);
        _update(bal0, bal1);
    }

    function burn(address to) external returns (uint256 a0, uint256 a1) {
        uint256 liquidity = balanceOf(address(this));
        uint256 supply = totalSupply();
        uint256 bal0 = token0.balanceOf(address(this));
        uint256 bal1 = token1.balanceOf(address(this));
        a0 = (liquidity * bal0) / supply;
        a1 = (liquidity * bal1) / supply;
        if (a0 == 0 || a1 == 0) revert InsufficientLiquidity();
        _burn(address(this), liquidity);
        token0.transfer(to, a0);
        token1.transfer(to, a1);
        _update(token0.balanceOf(address(this)), token1.balanceOf(address(this)));
    }

    function swap(uint256 out0, uint256 out1, address to) external {
        if (out0 == 0 && out1 == 0) revert InsufficientOutput();
        if (out0 >= reserve0 || out1 >= reserve1) revert InsufficientLiquidity();
        if (out0 > 0) token0.transfer(to, out0);
        if (out1 > 0) token1.transfer(to, out1);
        uint256 bal0 = token0.balanceOf(address(this));
        uint256 bal1 = token1.balanceOf(address(this));
        uint256 in0 = bal0 > reserve0 - out0 ? bal0 - (reserve0 - out0) : 0;
        uint256 in1 = bal1 > reserve1 - out1 ? bal1 - (reserve1 - out1) : 0;
        uint256 adj0 = bal0 * 10_000 - in0 * FEE_BPS;
        uint256 adj1 = bal1 * 10_000 - in1 * FEE_BPS;
        if (adj0 * adj1 < uint256(reserve0) * reserve1 * 1e8) revert KDecreased();
        _update(bal0, bal1);
    }

    function skim(address to) external {
        token0.transfer(to, token0.balanceOf(address(this)) - reserve0);
        token1.transfer(to, token1.balanceOf(address(this)) - reserve1);
    }

    function _update(uint256 bal0, uint256 bal1) private {
        reserve0 = uint112(bal0);
        reserve1 = uint112(bal1);
    }
}
""")],
  reqs=['Handler with bounded actors and ghost variables', 'invariants: k non-decreasing across swaps, reserves == balances (mod skim), LP round trip never profitable', 'explain any invariant you think the contract actually violates'],
  fw='foundry', lang=None)

# 14
t('complex', 'quality-gate',
  "relayer v2.3 release sign-off. criteria file + chaos run results + the diff for the audit fixes. I need to know if the fixes actually fix the findings, not just that a PR exists",
  files=[('release/criteria.md', """
1. All audit findings >= Medium fixed and the fix verified by reading code (not by PR title).
2. Chaos suite: 0 double-deliveries, 0 lost messages across all scenarios; p99 delivery latency < 90s.
3. Signature verification path has 100% branch coverage.
4. Rolling deploy tested: v2.2 and v2.3 relayers running side by side for 1h with no conflicts.
"""),
         ('release/audit-findings.md', """
M-1 Relayer accepts attestations signed over a digest without chainId -> cross-chain replay.
M-2 Nonce cache is per-process; two relayer instances can both submit the same message.
H-1 Quorum counts the same guardian twice if their signature is submitted with a different `v` (27/28 vs 0/1).
"""),
         ('release/fix.diff', """
--- a/relayer/src/attest.ts
+++ b/relayer/src/attest.ts
@@ -12,9 +12,11 @@ export function digestFor(msg: BridgeMessage): string {
-  return keccak256(AbiCoder.defaultAbiCoder().encode(['uint64','address','bytes'], [msg.nonce, msg.sender, msg.payload]));
+  return keccak256(AbiCoder.defaultAbiCoder().encode(['uint256','uint64','address','bytes'], [msg.srcChainId, msg.nonce, msg.sender, msg.payload]));
 }
@@ -30,12 +32,16 @@ export function countQuorum(digest: string, sigs: string[], guardians: Set<string>): number {
-  let n = 0;
-  for (const s of sigs) if (guardians.has(recoverAddress(digest, s))) n++;
-  return n;
+  const seen = new Set<string>();
+  for (const s of sigs) {
+    const addr = recoverAddress(digest, s);
+    if (guardians.has(addr) && !seen.has(s)) seen.add(s);
+  }
+  return seen.size;
 }
--- a/relayer/src/submit.ts
+++ b/relayer/src/submit.ts
@@ -8,7 +8,9 @@ const inflight = new Set<string>();
 export async function submit(msg: BridgeMessage) {
-  if (inflight.has(msg.id)) return;
+  if (inflight.has(msg.id)) return;
+  const lock = await redis.set(`lock:${msg.id}`, instanceId, 'PX', 30_000, 'NX');
+  if (!lock) return;
   inflight.add(msg.id);
   try {
     await inbox.execute(msg.srcChainId, msg.sender, msg.target, msg.payload, msg.sigs);
"""),
         ('release/chaos-results.csv', "scenario,messages,delivered,double_delivered,lost,p99_latency_s\n" + lines(10, lambda i: (
             f"{['baseline','kill-relayer-a','kill-redis','partition-l2-rpc','l1-reorg-2','l1-reorg-5','gas-spike-10x','slow-guardian','dup-relayer','clock-skew-30s'][i]},"
             f"1000,{1000 if i not in (4, 5) else 999},{1 if i == 8 else 0},{0 if i not in (4, 5) else 1},{[22, 41, 63, 88, 71, 94, 59, 47, 38, 52][i]}"))),
         ('release/coverage-sigpath.txt', """
| File                   | % Lines        | % Branches   |
| relayer/src/attest.ts  | 100.00% (41/41)| 91.67% (11/12) |
"""),
         ('release/side-by-side.log', """
14:00:00 v2.2 relayer-a up (nonce cache: local)
14:00:02 v2.3 relayer-b up (nonce cache: redis lock)
14:21:17 relayer-a submit msg=0x5e1f.. tx=0x77a0..
14:21:17 relayer-b lock acquired msg=0x5e1f.. submit tx=0x77a1..
14:21:31 inbox: msg=0x5e1f.. executed (tx 0x77a0..), tx 0x77a1.. reverted 'replay'
15:00:00 end of window, 0 double deliveries recorded
""")],
  reqs=['verdict per criterion with evidence', 'for each audit finding: fixed / partially fixed / not fixed, with the reason from the diff'],
  fw='vitest')

# 15
t('medium', 'security-scan',
  "npm audit on the keeper bot repo screams 9 advisories. which ones actually matter for a headless bot that signs with a hot key and only talks to our rpc + a telegram webhook? which are dev-only noise",
  files=[('package.json', """
{
  "name": "keeper-bot",
  "private": true,
  "type": "module",
  "dependencies": {
    "ethers": "6.7.0",
    "axios": "1.5.0",
    "ws": "8.13.0",
    "pino": "8.14.1",
    "node-telegram-bot-api": "0.61.0",
    "dotenv": "16.3.1"
  },
  "devDependencies": {
    "vitest": "0.34.1",
    "vite": "4.4.2",
    "typescript": "5.2.2",
    "eslint": "8.48.0"
  }
}
"""),
         ('reports/npm-audit.txt', """
# npm audit report

axios  1.0.0 - 1.6.7
Severity: moderate
Axios Cross-Site Request Forgery Vulnerability
fix available via `npm audit fix`
node_modules/axios

ws  8.0.0 - 8.17.0
Severity: high
ws affected by a DoS when handling a request with many HTTP headers
fix available via `npm audit fix`
node_modules/ws

request  *
Severity: moderate
Server-Side Request Forgery in Request
No fix available
node_modules/request
  node-telegram-bot-api  *  depends on vulnerable versions of request

tough-cookie  <4.1.3
Severity: moderate
tough-cookie Prototype Pollution vulnerability
node_modules/tough-cookie
  request  depends on vulnerable versions of tough-cookie

vite  4.4.0 - 4.5.5
Severity: moderate
Vite's server.fs.deny bypassed with ?import&raw
node_modules/vite

esbuild  <=0.24.2
Severity: moderate
esbuild enables any website to send any requests to the development server
node_modules/esbuild

semver  7.0.0 - 7.5.1
Severity: moderate
semver vulnerable to Regular Expression Denial of Service
node_modules/semver

word-wrap  <1.2.4
Severity: moderate
word-wrap vulnerable to Regular Expression Denial of Service
node_modules/word-wrap

micromatch  <4.0.8
Severity: moderate
Regular Expression Denial of Service in micromatch
node_modules/micromatch

9 vulnerabilities (8 moderate, 1 high)
"""),
         ('src/notify.ts', """
import TelegramBot from 'node-telegram-bot-api';

const bot = new TelegramBot(process.env.TG_TOKEN!, { polling: false });

export async function notify(text: string) {
  await bot.sendMessage(process.env.TG_CHAT_ID!, text.slice(0, 4000), { disable_web_page_preview: true });
}
""")],
  reqs=['classify each: runtime-reachable / runtime-unreachable / dev-only', 'give an upgrade or replacement for anything reachable'],
  lang='typescript')

# 16
t('simple', 'flaky-test-analysis',
  "flake export from CI for the hardhat suite, last 30d. give me the top 5 flakiest by fail rate, ignore anything with < 20 runs",
  files=[('reports/flakes-30d.csv', "test,runs,failures\n" + lines(40, lambda i: (
      f"test/{['Vault','Router','Staking','Bridge','Oracle'][i % 5]}.spec.ts::"
      f"{['deposits','withdraws','reverts on zero','emits event','handles max uint','respects pause','accrues','claims'][i % 8]} #{i}"
      f",{(i * 37) % 90 + 5},{(i * 13) % 7 if i % 3 else 0}")))],
  fw='hardhat')

# 17
t('medium', 'performance-testing',
  "write a k6 script for POST /v1/quote on the aggregator api. ramp to 200 rps, hold 10 min. mix of pairs like real traffic, thresholds p95 < 300ms and < 0.5% errors. also tag by pair so we can see if the multi-hop ones are the slow ones",
  files=[('docs/quote-api.yaml', """
openapi: 3.0.3
info: { title: aggregator, version: 1.4.0 }
paths:
  /v1/quote:
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [chainId, tokenIn, tokenOut, amountIn]
              properties:
                chainId: { type: integer, enum: [1, 10, 8453, 42161] }
                tokenIn: { type: string, pattern: '^0x[0-9a-fA-F]{40}$' }
                tokenOut: { type: string, pattern: '^0x[0-9a-fA-F]{40}$' }
                amountIn: { type: string, description: 'base units, decimal string' }
                slippageBps: { type: integer, default: 50, maximum: 5000 }
                maxHops: { type: integer, default: 3 }
      responses:
        '200':
          content:
            application/json:
              schema:
                type: object
                properties:
                  amountOut: { type: string }
                  route: { type: array, items: { type: string } }
                  gasEstimate: { type: string }
        '400': { description: bad request }
        '429': { description: rate limited, Retry-After header set }
      security:
        - apiKey: []
components:
  securitySchemes:
    apiKey: { type: apiKey, in: header, name: x-api-key }
"""),
         ('loadtest/traffic-mix.csv', """
chainId,tokenIn,tokenOut,amountIn,share_pct
1,0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2,0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48,1000000000000000000,35
1,0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48,0xdAC17F958D2ee523a2206206994597C13D831ec7,5000000000,20
8453,0x4200000000000000000000000000000000000006,0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913,250000000000000000,25
42161,0x82aF49447D8a07e3bd95BD0d56f35241523fBab1,0x912CE59144191C1204E64559FE8253a0e49E6548,3000000000000000000,15
10,0x4200000000000000000000000000000000000006,0x4200000000000000000000000000000000000042,10000000000000000000,5
""")],
  reqs=['use constant-arrival-rate executor', 'API key from env (__ENV.QUOTE_API_KEY), never inline', 'count 429s separately from real errors'],
  fw='k6', lang='javascript')

# 18
t('medium', 'defect-analysis',
  "log decoder in the indexer throws 'data out-of-bounds' on some Transfer logs from a handful of tokens, everything else decodes fine. decoder + sample logs + error",
  files=[('src/decode.ts', """
import { Interface, Log, LogDescription } from 'ethers';

const ERC20 = new Interface([
  'event Transfer(address indexed from, address indexed to, uint256 value)',
  'event Approval(address indexed owner, address indexed spender, uint256 value)',
]);
const ERC721 = new Interface([
  'event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)',
]);

const TRANSFER_TOPIC = ERC20.getEvent('Transfer')!.topicHash;

export type Decoded =
  | { kind: 'erc20'; from: string; to: string; value: bigint }
  | { kind: 'erc721'; from: string; to: string; tokenId: bigint };

export function decodeTransfer(log: Log): Decoded | null {
  if (log.topics[0] !== TRANSFER_TOPIC) return null;
  let parsed: LogDescription | null;
  if (log.topics.length === 4) {
    parsed = ERC721.parseLog({ topics: [...log.topics], data: log.data });
    if (!parsed) return null;
    return { kind: 'erc721', from: parsed.args.from, to: parsed.args.to, tokenId: parsed.args.tokenId };
  }
  parsed = ERC20.parseLog({ topics: [...log.topics], data: log.data });
  if (!parsed) return null;
  return { kind: 'erc20', from: parsed.args.from, to: parsed.args.to, value: parsed.args.value };
}

export function decodeBatch(logs: Log[]): { ok: Decoded[]; failed: { log: Log; err: string }[] } {
  const ok: Decoded[] = [];
  const failed: { log: Log; err: string }[] = [];
  for (const log of logs) {
    try {
      const d = decodeTransfer(log);
      if (d) ok.push(d);
    } catch (e: any) {
      failed.push({ log, err: e.shortMessage ?? e.message });
    }
  }
  return { ok, failed };
}
"""),
         ('fixtures/failing-logs.json', """
[
  {
    "address": "0x9c1b7d0e4f2a3b5c6d7e8f90a1b2c3d4e5f60718",
    "topics": [
      "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"
    ],
    "data": "0x000000000000000000000000a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0000000000000000000000000b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a10000000000000000000000000000000000000000000000000de0b6b3a7640000",
    "blockNumber": 18800211,
    "logIndex": 44
  },
  {
    "address": "0x06012c8cf97bead5deae237070f9587f8e7a266d",
    "topics": [
      "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"
    ],
    "data": "0x000000000000000000000000c0ffee0000000000000000000000000000c0ffee000000000000000000000000beef000000000000000000000000000000beef0000000000000000000000000000000000000000000000000000000000000539",
    "blockNumber": 18800240,
    "logIndex": 7
  }
]
"""),
         ('logs/indexer-error.log', """
WARN decode failed block=18800211 logIndex=44 addr=0x9c1b...0718 err="data out-of-bounds (buffer=0x, length=0, offset=32)"
WARN decode failed block=18800240 logIndex=7 addr=0x0601...266d err="data out-of-bounds (buffer=0x, length=0, offset=32)"
""")],
  reqs=['explain why these logs have one topic', 'fix must keep ERC20 vs ERC721 classification correct for these tokens (kitties-style 721 emits everything in data)'])

# 19
# why: the 12-line test makes the cause obvious (random amount can round to 0 and hit ZeroAmount); no log digging or timing: simple
t('simple', 'flaky-test-analysis',
  "'stakes a random amount' goes red every few hundred runs with ZeroAmount. why",
  files=[('test/Staking.spec.js', """
const { expect } = require('chai');
const { ethers } = require('hardhat');

describe('Staking', () => {
  it('stakes a random amount', async () => {
    const [, bob] = await ethers.getSigners();
    const { token, staking } = await deployStaking(bob);
    const amount = ethers.parseEther((Math.random() * 10).toFixed(2));
    await token.connect(bob).approve(staking, amount);
    await staking.connect(bob).stake(amount);
    expect(await staking.balanceOf(bob)).to.equal(amount);
  });
});
"""),
         ('contracts/Staking.sol', """
    function stake(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        stakingToken.transferFrom(msg.sender, address(this), amount);
        balanceOf[msg.sender] += amount;
        totalStaked += amount;
        emit Staked(msg.sender, amount);
    }
""")],
  fw='hardhat', lang='javascript')

# 20
t('medium', 'quality-gate',
  "PR #412 gate check. criteria in gate.yml, reports below. pass/fail per line + overall, flag anything borderline",
  files=[('gate.yml', """
coverage:
  lines_min: 90
  branches_min: 80
slither:
  high_max: 0
  medium_max: 2
gas:
  max_regression_pct: 3
size:
  max_runtime_bytes: 24576
"""),
         ('reports/coverage.txt', """
| File                     | % Lines         | % Statements    | % Branches     | % Funcs        |
|--------------------------|-----------------|-----------------|----------------|----------------|
| src/Router.sol           | 94.12% (64/68)  | 93.75% (75/80)  | 81.82% (18/22) | 100.00% (9/9)  |
| src/Pool.sol             | 91.30% (84/92)  | 90.91% (100/110)| 76.47% (26/34) | 92.31% (12/13) |
| src/libraries/Math.sol   | 100.00% (22/22) | 100.00% (28/28) | 100.00% (8/8)  | 100.00% (4/4)  |
| Total                    | 93.02% (170/182)| 92.35% (203/218)| 82.81% (53/64) | 96.15% (25/26) |
"""),
         ('reports/slither-summary.txt', """
Total: 0 high, 2 medium, 7 low, 11 informational
medium: divide-before-multiply Pool.sol#L201
medium: reentrancy-no-eth Router.sol#L88-L131
"""),
         ('reports/gas-diff.txt', """
testSwapExactIn() (gas: 412 (0.31%))
testSwapExactOut() (gas: 3981 (2.94%))
testAddLiquidity() (gas: -1204 (-0.88%))
testRemoveLiquidity() (gas: 5210 (3.47%))
Overall gas change: 8399 (1.12%)
"""),
         ('reports/sizes.txt', """
| Contract | Runtime Size (B) | Initcode Size (B) | Runtime Margin (B) |
|----------|------------------|-------------------|--------------------|
| Pool     | 23,907           | 25,114            | 669                |
| Router   | 14,220           | 15,002            | 10,356             |
""")],
  reqs=['per-file branch threshold applies, not just total', 'say explicitly if a medium slither finding looks like it should block anyway'],
  fw='foundry', lang=None)

# 21
# why: line coverage is 100% but the question is which transitions of an 8-state proposal machine are never exercised: state machine with many transitions, complex
t('complex', 'coverage-analysis',
  "coverage says 100% lines on Governor. I don't buy it. which state transitions are we actually not testing?",
  files=[('src/Governor.sol', """
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract Governor {
    enum State { Pending, Active, Canceled, Defeated, Succeeded, Queued, Expired, Executed }

    struct Proposal {
        address proposer;
        uint64 voteStart;
        uint64 voteEnd;
        uint64 eta;
        uint128 forVotes;
        uint128 againstVotes;
        bool canceled;
        bool executed;
    }

    uint64 public constant VOTING_DELAY = 1 days;
    uint64 public constant VOTING_PERIOD = 5 days;
    uint64 public constant TIMELOCK = 2 days;
    uint64 public constant GRACE = 14 days;
    uint128 public quorum;
    mapping(uint256 => Proposal) public proposals;
    mapping(uint256 => mapping(address => bool)) public hasVoted;
    address public guardian;

    function state(uint256 id) public view returns (State) {
        Proposal storage p = proposals[id];
        require(p.proposer != address(0), "unknown");
        if (p.canceled) return State.Canceled;
        if (p.executed) return State.Executed;
        if (block.timestamp < p.voteStart) return State.Pending;
        if (block.timestamp <= p.voteEnd) return State.Active;
        if (p.forVotes <= p.againstVotes || p.forVotes < quorum) return State.Defeated;
        if (p.eta == 0) return State.Succeeded;
        if (block.timestamp >= p.eta + GRACE) return State.Expired;
        return State.Queued;
    }

    function castVote(uint256 id, bool support, uint128 weight) external {
        require(state(id) == State.Active, "not active");
        require(!hasVoted[id][msg.sender], "voted");
        hasVoted[id][msg.sender] = true;
        if (support) proposals[id].forVotes += weight; else proposals[id].againstVotes += weight;
    }

    function queue(uint256 id) external {
        require(state(id) == State.Succeeded, "not succeeded");
        proposals[id].eta = uint64(block.timestamp) + TIMELOCK;
    }

    function execute(uint256 id) external {
        require(state(id) == State.Queued, "not queued");
        require(block.timestamp >= proposals[id].eta, "timelock");
        proposals[id].executed = true;
    }

    function cancel(uint256 id) external {
        State s = state(id);
        require(s != State.Executed && s != State.Canceled && s != State.Expired, "final");
        require(msg.sender == proposals[id].proposer || msg.sender == guardian, "auth");
        proposals[id].canceled = true;
    }
}
"""),
         ('reports/coverage.txt', """
| File             | % Lines         | % Statements    | % Branches     | % Funcs       |
| src/Governor.sol | 100.00% (38/38) | 100.00% (44/44) | 85.00% (17/20) | 100.00% (5/5) |
"""),
         ('reports/test-list.txt', """
test/Governor.t.sol:GovernorTest
  testStateIsPendingBeforeStart
  testVoteWhileActive
  testCannotVoteTwice
  testDefeatedWhenAgainstWins
  testQueueAfterSuccess
  testExecuteAfterTimelock
  testProposerCanCancelPending
  testExpiredAfterGrace
""")],
  reqs=['build the full transition table (state x action -> state/revert) and mark tested/untested', 'flag transitions that look wrong, e.g. boundary timestamps or cancel while Queued by guardian'],
  fw='foundry', lang=None)

# 22
t('medium', 'flaky-test-analysis',
  "'reconnects after socket drop' in the mempool listener flakes on CI (~10%). fake timers are on. code + test + failing log",
  files=[('src/listener.ts', """
import WebSocket from 'ws';
import { EventEmitter } from 'node:events';

export class MempoolListener extends EventEmitter {
  private ws?: WebSocket;
  private attempts = 0;
  private closedByUser = false;

  constructor(private readonly url: string, private readonly baseDelayMs = 500, private readonly maxDelayMs = 8000) {
    super();
  }

  connect() {
    this.ws = new WebSocket(this.url);
    this.ws.on('open', () => {
      this.attempts = 0;
      this.ws!.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_subscribe', params: ['newPendingTransactions'] }));
      this.emit('connected');
    });
    this.ws.on('message', (raw) => {
      const msg = JSON.parse(raw.toString());
      if (msg.method === 'eth_subscription') this.emit('tx', msg.params.result);
    });
    this.ws.on('close', () => {
      if (this.closedByUser) return;
      const delay = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** this.attempts) + Math.random() * 250;
      this.attempts++;
      setTimeout(() => this.connect(), delay);
    });
  }

  close() {
    this.closedByUser = true;
    this.ws?.close();
  }
}
"""),
         ('src/listener.test.ts', """
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { WebSocketServer } from 'ws';
import { MempoolListener } from './listener';

describe('MempoolListener', () => {
  let server: WebSocketServer;
  beforeEach(() => { vi.useFakeTimers(); server = new WebSocketServer({ port: 18545 }); });
  afterEach(() => { vi.useRealTimers(); server.close(); });

  it('reconnects after socket drop', async () => {
    const l = new MempoolListener('ws://127.0.0.1:18545');
    const connected = vi.fn();
    l.on('connected', connected);
    l.connect();
    await vi.waitFor(() => expect(connected).toHaveBeenCalledTimes(1));
    server.clients.forEach((c) => c.terminate());
    vi.advanceTimersByTime(500);
    await vi.waitFor(() => expect(connected).toHaveBeenCalledTimes(2));
    l.close();
  });
});
"""),
         ('ci/listener-fail.log', """
 FAIL  src/listener.test.ts > MempoolListener > reconnects after socket drop
AssertionError: expected "spy" to be called 2 times, but got 1 times
 ❯ src/listener.test.ts:19:47
 ❯ vi.waitFor timed out after 1000ms
""")],
  fw='vitest')

# 23
t('simple', 'test-generation',
  "need forge unit tests for FeeMath, nothing fancy. few fixed cases + the revert. it's internal so wrap it in a harness",
  files=[('src/libraries/FeeMath.sol', """
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

library FeeMath {
    uint256 internal constant BPS = 10_000;

    error FeeTooHigh(uint256 bps);

    function fee(uint256 amount, uint256 bps) internal pure returns (uint256) {
        if (bps > BPS) revert FeeTooHigh(bps);
        return (amount * bps) / BPS;
    }

    function afterFee(uint256 amount, uint256 bps) internal pure returns (uint256) {
        return amount - fee(amount, bps);
    }
}
""")],
  reqs=['use vm.expectRevert with the FeeTooHigh selector', 'include 0 bps and 10_000 bps'],
  fw='foundry', lang=None)

# 24
# why: it's security tooling output but the ask is pure reformatting (group + count), no triage: simple
t('simple', 'security-scan',
  "slither dump for the audit appendix. group by detector, count per impact level, markdown table. don't triage, just tidy",
  files=[('reports/slither.txt', lines(52, lambda i: (
      f"INFO:Detectors:\n"
      f"{['reentrancy-benign','uninitialized-local','divide-before-multiply','missing-zero-check','timestamp','naming-convention','low-level-calls','unused-return'][i % 8]}"
      f" ({['Low','Medium','Medium','Low','Low','Informational','Informational','Medium'][i % 8]}) in "
      f"{['Vault','Router','Gauge','Staking','Oracle','Bribe'][i % 6]}.{['deposit','withdraw','claim','notifyReward','setFeed','sweep','execute'][i % 7]}() "
      f"(src/{['Vault','Router','Gauge','Staking','Oracle','Bribe'][i % 6]}.sol#{40 + i * 3}-{44 + i * 3})")))],
  lang=None)

# 25
t('medium', 'coverage-analysis',
  "llvm-cov for programs/staking. which error paths in stake/unstake never get hit, and what tests do I add (anchor ts tests) to hit them",
  files=[('reports/llvm-cov.txt', """
Filename                                   Regions    Missed Regions     Cover   Functions  Missed Functions  Executed       Lines      Missed Lines     Cover
---------------------------------------------------------------------------------------------------------------------------------------------------------
programs/staking/src/lib.rs                     12                 0   100.00%           5                 0   100.00%          40                 0   100.00%
programs/staking/src/instructions/stake.rs      31                 9    70.97%           3                 0   100.00%          74                17    77.03%
programs/staking/src/instructions/unstake.rs    36                14    61.11%           3                 0   100.00%          81                26    67.90%
programs/staking/src/state.rs                    8                 1    87.50%           4                 1    75.00%          29                 3    89.66%
programs/staking/src/errors.rs                   2                 0   100.00%           1                 0   100.00%          14                 0   100.00%
---------------------------------------------------------------------------------------------------------------------------------------------------------
TOTAL                                           89                24    73.03%          16                 1    93.75%         238                46    80.67%

Uncovered lines:
stake.rs: 38-41, 52-55, 63-71
unstake.rs: 29-33, 44-50, 58-64, 77-81
state.rs: 24-26
"""),
         ('programs/staking/src/instructions/unstake.rs', """
use anchor_lang::prelude::*;
use anchor_spl::token::{self, Token, TokenAccount, Transfer};

use crate::errors::StakingError;
use crate::state::{Pool, StakeEntry};

#[derive(Accounts)]
pub struct Unstake<'info> {
    pub staker: Signer<'info>,
    #[account(mut, has_one = vault)]
    pub pool: Account<'info, Pool>,
    #[account(mut, seeds = [b"entry", pool.key().as_ref(), staker.key().as_ref()], bump = entry.bump, has_one = staker)]
    pub entry: Account<'info, StakeEntry>,
    #[account(mut)]
    pub vault: Account<'info, TokenAccount>,
    #[account(mut, token::mint = pool.mint, token::authority = staker)]
    pub destination: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
}

pub fn handler(ctx: Context<Unstake>, amount: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let entry = &mut ctx.accounts.entry;
    let pool = &mut ctx.accounts.pool;

    if amount == 0 {
        return err!(StakingError::ZeroAmount);
    }
    if pool.paused {
        return err!(StakingError::Paused);
    }
    if amount > entry.amount {
        return err!(StakingError::InsufficientStake);
    }

    if now < entry.locked_until {
        if !pool.allow_early_exit {
            return err!(StakingError::StillLocked);
        }
        let penalty = amount
            .checked_mul(pool.early_exit_penalty_bps as u64)
            .ok_or(StakingError::MathOverflow)?
            / 10_000;
        pool.penalty_pot = pool.penalty_pot.checked_add(penalty).ok_or(StakingError::MathOverflow)?;
        entry.amount -= amount;
        pool.total_staked -= amount;
        return payout(ctx, amount - penalty);
    }

    if entry.pending_rewards > 0 && pool.require_claim_before_unstake {
        return err!(StakingError::ClaimFirst);
    }

    entry.amount -= amount;
    pool.total_staked = pool.total_staked.checked_sub(amount).ok_or(StakingError::MathOverflow)?;
    if entry.amount == 0 {
        entry.locked_until = 0;
        entry.last_claim_ts = now;
    }
    payout(ctx, amount)
}

fn payout(ctx: Context<Unstake>, amount: u64) -> Result<()> {
    let pool = &ctx.accounts.pool;
    let seeds: &[&[u8]] = &[b"pool", pool.mint.as_ref(), &[pool.bump]];
    token::transfer(
        CpiContext::new_with_signer(
            ctx.accounts.token_program.to_account_info(),
            Transfer {
                from: ctx.accounts.vault.to_account_info(),
                to: ctx.accounts.destination.to_account_info(),
                authority: ctx.accounts.pool.to_account_info(),
            },
            &[seeds],
        ),
        amount,
    )
}
""")],
  fw='anchor', lang=None)

# 26
t('simple', 'test-generation',
  "vitest for these addr utils, table-driven pls",
  files=[('src/utils/address.ts', """
const HEX_ADDR = /^0x[0-9a-fA-F]{40}$/;

export function isHexAddress(s: string): boolean {
  return HEX_ADDR.test(s);
}

export function shortenAddress(addr: string, chars = 4): string {
  if (!isHexAddress(addr)) throw new Error(`invalid address: ${addr}`);
  return `${addr.slice(0, chars + 2)}…${addr.slice(-chars)}`;
}

export function sameAddress(a?: string | null, b?: string | null): boolean {
  if (!a || !b) return false;
  return a.toLowerCase() === b.toLowerCase();
}
""")],
  fw='vitest')

# 27
# why: reads like a rounding question but it's an accounting invariant (sum of balances vs supply) over share/rebase math, and whether it can be farmed: deep invariant + exploitability, complex
t('complex', 'defect-analysis',
  "indexer flagged it: on sepolia, adding up balanceOf for every holder gives a few wei MORE than totalSupply, and the gap grows slowly with transfers. is this rounding we can live with or can someone pull the difference out?",
  files=[('src/RebasingToken.sol', """
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract RebasingToken {
    string public constant name = "Rebasing USD";
    string public constant symbol = "rUSD";
    uint8 public constant decimals = 18;

    uint256 public totalShares;
    uint256 public totalPooled;
    mapping(address => uint256) public sharesOf;
    mapping(address => mapping(address => uint256)) public allowance;
    address public immutable rebaser;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor(address _rebaser) { rebaser = _rebaser; }

    function totalSupply() public view returns (uint256) { return totalPooled; }

    function balanceOf(address a) public view returns (uint256) {
        if (totalShares == 0) return 0;
        return (sharesOf[a] * totalPooled + totalShares - 1) / totalShares;
    }

    function sharesFor(uint256 amount) public view returns (uint256) {
        if (totalPooled == 0) return amount;
        return (amount * totalShares) / totalPooled;
    }

    function mint(address to, uint256 amount) external {
        require(msg.sender == rebaser, "only rebaser");
        uint256 s = sharesFor(amount);
        totalShares += s;
        totalPooled += amount;
        sharesOf[to] += s;
        emit Transfer(address(0), to, amount);
    }

    function rebase(uint256 newPooled) external {
        require(msg.sender == rebaser, "only rebaser");
        totalPooled = newPooled;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _transfer(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 a = allowance[from][msg.sender];
        if (a != type(uint256).max) allowance[from][msg.sender] = a - amount;
        _transfer(from, to, amount);
        return true;
    }

    function approve(address s, uint256 amount) external returns (bool) {
        allowance[msg.sender][s] = amount;
        emit Approval(msg.sender, s, amount);
        return true;
    }

    function _transfer(address from, address to, uint256 amount) internal {
        uint256 s = sharesFor(amount);
        if (s == 0 && amount > 0) s = 1;
        sharesOf[from] -= s;
        sharesOf[to] += s;
        emit Transfer(from, to, amount);
    }

    function burn(uint256 amount) external {
        uint256 s = sharesFor(amount);
        sharesOf[msg.sender] -= s;
        totalShares -= s;
        totalPooled -= amount;
        emit Transfer(msg.sender, address(0), amount);
    }
}
"""),
         ('reports/supply-drift.csv', "block,holders,sum_balances,total_supply,diff_wei\n" + lines(12, lambda i: (
             f"{5_810_000 + i * 5000},{340 + i * 17},{1_000_000_000_000_000_000_000_000 + i * 9_000_000 + (i * i) * 3},"
             f"{1_000_000_000_000_000_000_000_000 + i * 9_000_000},{(i * i) * 3}")))],
  reqs=["say which functions round in the holder's favour", 'if exploitable, sketch the loop an attacker would run and its profit per tx vs gas', 'propose a fix that keeps sum(balances) <= totalSupply'],
  fw='foundry', lang=None)

# 28
# why: 35 lines and one 'anything off?' but it's read-only reentrancy on a price view used as collateral oracle + donation-inflatable share price: security-critical, complex
t('complex', 'security-scan',
  "quick sanity pass on withdraw before I ship this, anything off? lending market downstream reads pricePerShare for vETH collateral",
  files=[('src/EthShareVault.sol', """
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

contract EthShareVault is ERC20, ReentrancyGuard {
    uint256 public totalManaged;

    constructor() ERC20("Vault ETH", "vETH") {}

    function deposit() external payable nonReentrant returns (uint256 shares) {
        uint256 supply = totalSupply();
        shares = supply == 0 ? msg.value : (msg.value * supply) / totalManaged;
        require(shares > 0, "zero shares");
        totalManaged += msg.value;
        _mint(msg.sender, shares);
    }

    function withdraw(uint256 shares) external nonReentrant {
        uint256 amount = (shares * totalManaged) / totalSupply();
        _burn(msg.sender, shares);
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "eth transfer failed");
        totalManaged -= amount;
    }

    /// @notice used by LendingMarket as the vETH collateral price
    function pricePerShare() external view returns (uint256) {
        uint256 supply = totalSupply();
        if (supply == 0) return 1e18;
        return (totalManaged * 1e18) / supply;
    }

    /// @notice keeper pushes staking rewards in
    function harvest() external payable {
        totalManaged += msg.value;
    }
}
""")],
  fw='foundry', lang=None)

# 29
t('simple', 'coverage-analysis',
  "raw lcov for Staking.sol. which functions have zero hits?",
  files=[('lcov.info', """
TN:
SF:src/Staking.sol
FN:31,Staking.constructor
FN:42,Staking.stake
FN:58,Staking.withdraw
FN:74,Staking.getReward
FN:88,Staking.exit
FN:95,Staking.notifyRewardAmount
FN:121,Staking.recoverERC20
FN:133,Staking.setRewardsDuration
FN:142,Staking.lastTimeRewardApplicable
FN:146,Staking.rewardPerToken
FN:157,Staking.earned
FNDA:1,Staking.constructor
FNDA:24,Staking.stake
FNDA:11,Staking.withdraw
FNDA:7,Staking.getReward
FNDA:0,Staking.exit
FNDA:5,Staking.notifyRewardAmount
FNDA:0,Staking.recoverERC20
FNDA:0,Staking.setRewardsDuration
FNDA:52,Staking.lastTimeRewardApplicable
FNDA:61,Staking.rewardPerToken
FNDA:33,Staking.earned
FNF:11
FNH:8
end_of_record
""")],
  fw='hardhat', lang=None)

# 30
t('complex', 'test-generation',
  "anchor tests for the escrow. happy path is the easy bit, I want the nasty ones: wrong signer, swapped/foreign token accounts, taker passing someone else's escrow, double cancel, exchange after cancel",
  files=[('programs/escrow/src/lib.rs', """
use anchor_lang::prelude::*;
use anchor_spl::token::{self, CloseAccount, Mint, Token, TokenAccount, Transfer};

declare_id!("EscR0w1111111111111111111111111111111111111");

#[program]
pub mod escrow {
    use super::*;

    pub fn make(ctx: Context<Make>, seed: u64, deposit: u64, receive: u64) -> Result<()> {
        let e = &mut ctx.accounts.escrow;
        e.maker = ctx.accounts.maker.key();
        e.mint_a = ctx.accounts.mint_a.key();
        e.mint_b = ctx.accounts.mint_b.key();
        e.receive = receive;
        e.seed = seed;
        e.bump = ctx.bumps.escrow;
        token::transfer(
            CpiContext::new(ctx.accounts.token_program.to_account_info(), Transfer {
                from: ctx.accounts.maker_ata_a.to_account_info(),
                to: ctx.accounts.vault.to_account_info(),
                authority: ctx.accounts.maker.to_account_info(),
            }),
            deposit,
        )
    }

    pub fn take(ctx: Context<Take>) -> Result<()> {
        let e = &ctx.accounts.escrow;
        token::transfer(
            CpiContext::new(ctx.accounts.token_program.to_account_info(), Transfer {
                from: ctx.accounts.taker_ata_b.to_account_info(),
                to: ctx.accounts.maker_ata_b.to_account_info(),
                authority: ctx.accounts.taker.to_account_info(),
            }),
            e.receive,
        )?;
        let seed_bytes = e.seed.to_le_bytes();
        let signer: &[&[&[u8]]] = &[&[b"escrow", e.maker.as_ref(), seed_bytes.as_ref(), &[e.bump]]];
        token::transfer(
            CpiContext::new_with_signer(ctx.accounts.token_program.to_account_info(), Transfer {
                from: ctx.accounts.vault.to_account_info(),
                to: ctx.accounts.taker_ata_a.to_account_info(),
                authority: ctx.accounts.escrow.to_account_info(),
            }, signer),
            ctx.accounts.vault.amount,
        )?;
        token::close_account(CpiContext::new_with_signer(ctx.accounts.token_program.to_account_info(), CloseAccount {
            account: ctx.accounts.vault.to_account_info(),
            destination: ctx.accounts.maker.to_account_info(),
            authority: ctx.accounts.escrow.to_account_info(),
        }, signer))
    }

    pub fn refund(ctx: Context<Refund>) -> Result<()> {
        let e = &ctx.accounts.escrow;
        let seed_bytes = e.seed.to_le_bytes();
        let signer: &[&[&[u8]]] = &[&[b"escrow", e.maker.as_ref(), seed_bytes.as_ref(), &[e.bump]]];
        token::transfer(
            CpiContext::new_with_signer(ctx.accounts.token_program.to_account_info(), Transfer {
                from: ctx.accounts.vault.to_account_info(),
                to: ctx.accounts.maker_ata_a.to_account_info(),
                authority: ctx.accounts.escrow.to_account_info(),
            }, signer),
            ctx.accounts.vault.amount,
        )?;
        token::close_account(CpiContext::new_with_signer(ctx.accounts.token_program.to_account_info(), CloseAccount {
            account: ctx.accounts.vault.to_account_info(),
            destination: ctx.accounts.maker.to_account_info(),
            authority: ctx.accounts.escrow.to_account_info(),
        }, signer))
    }
}

#[derive(Accounts)]
#[instruction(seed: u64)]
pub struct Make<'info> {
    #[account(mut)]
    pub maker: Signer<'info>,
    pub mint_a: Account<'info, Mint>,
    pub mint_b: Account<'info, Mint>,
    #[account(mut, token::mint = mint_a, token::authority = maker)]
    pub maker_ata_a: Account<'info, TokenAccount>,
    #[account(init, payer = maker, space = 8 + Escrow::INIT_SPACE, seeds = [b"escrow", maker.key().as_ref(), seed.to_le_bytes().as_ref()], bump)]
    pub escrow: Account<'info, Escrow>,
    #[account(init, payer = maker, token::mint = mint_a, token::authority = escrow, seeds = [b"vault", escrow.key().as_ref()], bump)]
    pub vault: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
    pub system_program: Program<'info, System>,
}

#[derive(Accounts)]
pub struct Take<'info> {
    #[account(mut)]
    pub taker: Signer<'info>,
    /// CHECK: receives rent on close
    #[account(mut)]
    pub maker: AccountInfo<'info>,
    #[account(mut, close = maker, has_one = maker)]
    pub escrow: Account<'info, Escrow>,
    #[account(mut, seeds = [b"vault", escrow.key().as_ref()], bump)]
    pub vault: Account<'info, TokenAccount>,
    #[account(mut, token::mint = escrow.mint_b)]
    pub taker_ata_b: Account<'info, TokenAccount>,
    #[account(mut, token::mint = escrow.mint_b)]
    pub maker_ata_b: Account<'info, TokenAccount>,
    #[account(mut, token::mint = escrow.mint_a)]
    pub taker_ata_a: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
}

#[derive(Accounts)]
pub struct Refund<'info> {
    #[account(mut)]
    pub maker: Signer<'info>,
    #[account(mut, close = maker, has_one = maker)]
    pub escrow: Account<'info, Escrow>,
    #[account(mut, seeds = [b"vault", escrow.key().as_ref()], bump)]
    pub vault: Account<'info, TokenAccount>,
    #[account(mut, token::mint = escrow.mint_a)]
    pub maker_ata_a: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
}

#[account]
#[derive(InitSpace)]
pub struct Escrow { pub maker: Pubkey, pub mint_a: Pubkey, pub mint_b: Pubkey, pub receive: u64, pub seed: u64, pub bump: u8 }
""")],
  reqs=['tests in tests/escrow.ts with anchor + spl-token', 'every negative test asserts the specific error code', 'if a nasty case SUCCEEDS, keep the test, mark it as a finding and explain the missing constraint'],
  fw='anchor', lang=None)

# 31
t('simple', 'test-generation',
  "port this hardhat test to foundry, same cases, nothing added. we're killing the hardhat setup for this package",
  files=[('test/TipJar.spec.js', """
const { expect } = require('chai');
const { ethers } = require('hardhat');

describe('TipJar', () => {
  let jar, owner, alice;

  beforeEach(async () => {
    [owner, alice] = await ethers.getSigners();
    const TipJar = await ethers.getContractFactory('TipJar');
    jar = await TipJar.deploy();
  });

  it('accepts tips and tracks total', async () => {
    await jar.connect(alice).tip({ value: ethers.parseEther('1') });
    expect(await jar.totalTips()).to.equal(ethers.parseEther('1'));
  });

  it('emits Tipped', async () => {
    await expect(jar.connect(alice).tip({ value: 100n }))
      .to.emit(jar, 'Tipped').withArgs(alice.address, 100n);
  });

  it('reverts on zero tip', async () => {
    await expect(jar.connect(alice).tip({ value: 0 })).to.be.revertedWithCustomError(jar, 'ZeroTip');
  });

  it('only owner can sweep', async () => {
    await expect(jar.connect(alice).sweep()).to.be.revertedWithCustomError(jar, 'NotOwner');
  });
});
""")],
  reqs=['file test/TipJar.t.sol, use vm.prank/vm.deal/vm.expectEmit'],
  fw='foundry', lang=None)

# 32
t('complex', 'security-scan',
  "inbox contract for the bridge, verifies guardian sigs. 5-of-9. tell me how to break it",
  files=[('src/GuardianInbox.sol', """
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

interface IReceiver { function onMessage(uint64 srcChain, address sender, bytes calldata payload) external; }

contract GuardianInbox {
    using ECDSA for bytes32;

    mapping(address => bool) public isGuardian;
    uint256 public threshold;
    mapping(bytes32 => bool) public executed;

    event Executed(bytes32 indexed id, address target);

    constructor(address[] memory guardians, uint256 _threshold) {
        for (uint256 i; i < guardians.length; i++) isGuardian[guardians[i]] = true;
        threshold = _threshold;
    }

    function execute(
        uint64 srcChain,
        address sender,
        address target,
        bytes calldata payload,
        bytes[] calldata sigs
    ) external {
        bytes32 id = keccak256(abi.encodePacked(srcChain, sender, target, payload));
        require(!executed[id], "replay");
        bytes32 digest = id.toEthSignedMessageHash();

        uint256 valid;
        for (uint256 i; i < sigs.length; i++) {
            (address signer, ECDSA.RecoverError err, ) = digest.tryRecover(sigs[i]);
            if (err == ECDSA.RecoverError.NoError && isGuardian[signer]) valid++;
        }
        require(valid >= threshold, "not enough sigs");

        executed[id] = true;
        (bool ok, ) = target.call(abi.encodeCall(IReceiver.onMessage, (srcChain, sender, payload)));
        require(ok, "call failed");
        emit Executed(id, target);
    }

    function rotateGuardian(address oldG, address newG, bytes[] calldata sigs) external {
        bytes32 digest = keccak256(abi.encodePacked("rotate", oldG, newG)).toEthSignedMessageHash();
        uint256 valid;
        for (uint256 i; i < sigs.length; i++) {
            address s = digest.recover(sigs[i]);
            if (isGuardian[s]) valid++;
        }
        require(valid >= threshold, "not enough sigs");
        isGuardian[oldG] = false;
        isGuardian[newG] = true;
    }
}
""")],
  reqs=['PoC as forge tests for each finding', 'note anything cross-chain (same guardian set on several chains)'],
  fw='foundry', lang=None)

# 33
# why: four config/script files checked for leaked keys and unsafe defaults; no auth or crypto logic to reason through: medium, not complex
t('medium', 'security-scan',
  "before we open-source the deploy repo: scan config + scripts + CI for anything that leaks keys or could deploy to mainnet with a junk key",
  files=[('hardhat.config.ts', """
import { HardhatUserConfig } from 'hardhat/config';
import '@nomicfoundation/hardhat-toolbox';
import 'dotenv/config';

const FALLBACK_MNEMONIC = 'test test test test test test test test test test test junk';

const config: HardhatUserConfig = {
  solidity: { version: '0.8.24', settings: { optimizer: { enabled: true, runs: 200 } } },
  networks: {
    sepolia: {
      url: process.env.SEPOLIA_RPC ?? '',
      accounts: { mnemonic: process.env.DEPLOYER_MNEMONIC ?? FALLBACK_MNEMONIC },
    },
    mainnet: {
      url: process.env.MAINNET_RPC ?? 'https://eth.llamarpc.com',
      accounts: { mnemonic: process.env.DEPLOYER_MNEMONIC ?? FALLBACK_MNEMONIC },
    },
  },
  etherscan: { apiKey: process.env.ETHERSCAN_KEY ?? 'FAKEKEY0000000000000000000000000000' },
};

export default config;
"""),
         ('scripts/deploy.ts', """
import { ethers, network } from 'hardhat';

async function main() {
  const [deployer] = await ethers.getSigners();
  console.log('network', network.name);
  console.log('deployer', deployer.address);
  if (process.env.DEBUG_DEPLOY) {
    const wallet = ethers.Wallet.fromPhrase(process.env.DEPLOYER_MNEMONIC!);
    console.log('deployer key', wallet.privateKey);
  }
  const Token = await ethers.getContractFactory('GovToken');
  const token = await Token.deploy(deployer.address);
  await token.waitForDeployment();
  console.log('GovToken', await token.getAddress());
}

main().catch((e) => { console.error(e); process.exit(1); });
"""),
         ('.github/workflows/deploy.yml', """
name: deploy
on:
  workflow_dispatch:
    inputs:
      network:
        default: sepolia
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
      DEPLOYER_MNEMONIC: ${{ secrets.DEPLOYER_MNEMONIC }}
      MAINNET_RPC: ${{ secrets.MAINNET_RPC }}
      DEBUG_DEPLOY: ${{ vars.DEBUG_DEPLOY }}
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with: { node-version: 20 }
      - run: npm ci
      - run: echo "using rpc $MAINNET_RPC"
      - run: npx hardhat run scripts/deploy.ts --network ${{ github.event.inputs.network }}
"""),
         ('.gitignore', """
node_modules
artifacts
cache
typechain-types
coverage
""")],
  reqs=['list each finding with file + line and severity', 'suggest the minimal config change for each'])

# 34
t('medium', 'defect-analysis',
  "anchor test for init_vault dies with ConstraintSeeds. I swear the seeds match. program + test + error below",
  files=[('programs/vaults/src/instructions/init_vault.rs', """
use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, Token, TokenAccount};

use crate::state::Vault;

#[derive(Accounts)]
pub struct InitVault<'info> {
    #[account(mut)]
    pub owner: Signer<'info>,
    pub mint: Account<'info, Mint>,
    #[account(
        init,
        payer = owner,
        space = 8 + Vault::INIT_SPACE,
        seeds = [b"vault", mint.key().as_ref(), owner.key().as_ref()],
        bump
    )]
    pub vault: Account<'info, Vault>,
    #[account(
        init,
        payer = owner,
        token::mint = mint,
        token::authority = vault,
        seeds = [b"vault_tokens", vault.key().as_ref()],
        bump
    )]
    pub vault_tokens: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
    pub system_program: Program<'info, System>,
    pub rent: Sysvar<'info, Rent>,
}

pub fn handler(ctx: Context<InitVault>) -> Result<()> {
    let vault = &mut ctx.accounts.vault;
    vault.owner = ctx.accounts.owner.key();
    vault.mint = ctx.accounts.mint.key();
    vault.bump = ctx.bumps.vault;
    vault.total_deposited = 0;
    Ok(())
}
"""),
         ('tests/vaults.ts', """
import * as anchor from '@coral-xyz/anchor';
import { PublicKey } from '@solana/web3.js';
import { createMint } from '@solana/spl-token';
import { Vaults } from '../target/types/vaults';

describe('vaults', () => {
  const provider = anchor.AnchorProvider.env();
  anchor.setProvider(provider);
  const program = anchor.workspace.Vaults as anchor.Program<Vaults>;
  const owner = provider.wallet;

  it('init_vault', async () => {
    const mint = await createMint(provider.connection, (owner as any).payer, owner.publicKey, null, 6);
    const [vault] = PublicKey.findProgramAddressSync(
      [Buffer.from('vault'), owner.publicKey.toBuffer(), mint.toBuffer()],
      program.programId,
    );
    const [vaultTokens] = PublicKey.findProgramAddressSync(
      [Buffer.from('vault_tokens'), vault.toBuffer()],
      program.programId,
    );
    await program.methods.initVault().accounts({ owner: owner.publicKey, mint, vault, vaultTokens }).rpc();
    const acc = await program.account.vault.fetch(vault);
    expect(acc.mint.toBase58()).toEqual(mint.toBase58());
  });
});
"""),
         ('logs/anchor-test.log', """
  vaults
    1) init_vault

  1 failing

  1) vaults
       init_vault:
     Error: AnchorError caused by account: vault. Error Code: ConstraintSeeds. Error Number: 2006. Error Message: A seeds constraint was violated.
Program log: Left:
Program log: 7xQ3k9mVZ8fJpT2hR4cW1nB6yL5eD0aS3uK8gH1jN2v
Program log: Right:
Program log: 4Fp2Lm8sN1qR7tY3vX9cB5dK0hJ6wE2aZ8gU1iO3rT5
""")],
  fw='anchor', lang=None)

# 35
t('simple', 'quality-gate',
  "forge build --sizes for the whole repo. anything over the EIP-170 limit, or within 1kb of it? that's the whole gate",
  files=[('reports/sizes.txt',
          "| Contract | Runtime Size (B) | Initcode Size (B) | Runtime Margin (B) | Initcode Margin (B) |\n|---|---|---|---|---|\n" +
          lines(38, lambda i: (
              f"| {['Vault','Router','Pool','Gauge','Bribe','Oracle','Escrow','Minter','Voter','Factory'][i % 10]}{'' if i < 10 else i} "
              f"| {(i * 2711) % 26000 + 900:,} | {(i * 2711) % 26000 + 1900:,} | {24576 - ((i * 2711) % 26000 + 900):,} | {49152 - ((i * 2711) % 26000 + 1900):,} |")))],
  fw='foundry', lang=None)

# 36
# why: ~20-line function, but the reqs (exact-sum, dust rule, deterministic tie-break, duplicate/zero handling) need real judgement about edge cases: medium
t('medium', 'test-generation',
  "tests for splitPayout. it's small but it pays real people so I want the edge cases nailed",
  files=[('src/payouts/split.ts', """
export interface Share { addr: string; weight: number }

export function splitPayout(total: bigint, shares: Share[]): Map<string, bigint> {
  if (total < 0n) throw new Error('negative total');
  if (shares.length === 0) throw new Error('no recipients');
  const merged = new Map<string, number>();
  for (const s of shares) {
    if (!Number.isInteger(s.weight) || s.weight <= 0) throw new Error(`bad weight for ${s.addr}`);
    const key = s.addr.toLowerCase();
    merged.set(key, (merged.get(key) ?? 0) + s.weight);
  }
  const totalWeight = BigInt([...merged.values()].reduce((a, b) => a + b, 0));
  const out = new Map<string, bigint>();
  let paid = 0n;
  for (const [addr, w] of merged) {
    const amt = (total * BigInt(w)) / totalWeight;
    out.set(addr, amt);
    paid += amt;
  }
  const dust = total - paid;
  if (dust > 0n) {
    const [top] = [...merged.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    out.set(top[0], out.get(top[0])! + dust);
  }
  return out;
}
""")],
  reqs=['sum of outputs must equal total exactly, for any input', 'dust goes to the largest weight, ties broken by lowest address, regardless of input order',
        'duplicate addresses with different case are merged', 'zero/negative/fractional weights throw'],
  fw='vitest')

# 37
t('simple', 'coverage-analysis',
  "forge coverage dump for the monorepo. which files are under 80% branches? just the list, sorted worst first",
  files=[('reports/forge-coverage.txt',
          "| File | % Lines | % Statements | % Branches | % Funcs |\n|------|---------|--------------|------------|---------|\n" +
          lines(45, lambda i: (
              f"| src/{['core','periphery','governance','oracles','rewards'][i % 5]}/"
              f"{['Vault','Router','Gauge','Feed','Distributor','Escrow','Registry','Timelock','Adapter'][i % 9]}{i}.sol "
              f"| {60 + (i * 7) % 40}.00% | {62 + (i * 5) % 38}.00% | {50 + (i * 11) % 50}.00% | {70 + (i * 3) % 30}.00% |")))],
  fw='foundry', lang=None)

# 38
t('complex', 'security-scan',
  "audit pass on the withdraw + update_oracle ixs of our lending program before the contest. assume attacker controls every account they can pass in",
  files=[('programs/lend/src/lib.rs', """
use anchor_lang::prelude::*;
use anchor_spl::token::{self, Token, TokenAccount, Transfer};

declare_id!("LeNd1111111111111111111111111111111111111111");

#[program]
pub mod lend {
    use super::*;

    pub fn withdraw(ctx: Context<Withdraw>, amount: u64) -> Result<()> {
        let oracle_data = ctx.accounts.oracle.try_borrow_data()?;
        let price = u64::from_le_bytes(oracle_data[8..16].try_into().unwrap());
        let obligation = &mut ctx.accounts.obligation;
        let remaining = obligation.deposited.checked_sub(amount).ok_or(LendError::Insufficient)?;
        let max_borrow = remaining * price * obligation.ltv_bps as u64 / 10_000 / 1_000_000;
        require!(obligation.borrowed <= max_borrow, LendError::Unhealthy);
        obligation.deposited = remaining;

        let seeds: &[&[u8]] = &[b"reserve", ctx.accounts.reserve.mint.as_ref(), &[ctx.accounts.reserve.bump]];
        token::transfer(
            CpiContext::new_with_signer(
                ctx.accounts.token_program.to_account_info(),
                Transfer {
                    from: ctx.accounts.reserve_vault.to_account_info(),
                    to: ctx.accounts.destination.to_account_info(),
                    authority: ctx.accounts.reserve.to_account_info(),
                },
                &[seeds],
            ),
            amount,
        )?;
        Ok(())
    }

    pub fn update_oracle(ctx: Context<UpdateOracle>, price: u64) -> Result<()> {
        let mut data = ctx.accounts.oracle.try_borrow_mut_data()?;
        data[8..16].copy_from_slice(&price.to_le_bytes());
        data[16..24].copy_from_slice(&Clock::get()?.unix_timestamp.to_le_bytes());
        Ok(())
    }

    pub fn close_obligation(ctx: Context<CloseObligation>) -> Result<()> {
        let ob = &ctx.accounts.obligation;
        require!(ob.borrowed == 0, LendError::Unhealthy);
        let dest = ctx.accounts.owner.to_account_info();
        let src = ob.to_account_info();
        **dest.try_borrow_mut_lamports()? += src.lamports();
        **src.try_borrow_mut_lamports()? = 0;
        Ok(())
    }
}

#[derive(Accounts)]
pub struct Withdraw<'info> {
    pub owner: Signer<'info>,
    #[account(mut)]
    pub obligation: Account<'info, Obligation>,
    pub reserve: Account<'info, Reserve>,
    #[account(mut)]
    pub reserve_vault: Account<'info, TokenAccount>,
    #[account(mut)]
    pub destination: Account<'info, TokenAccount>,
    /// CHECK: price read manually
    pub oracle: AccountInfo<'info>,
    pub token_program: Program<'info, Token>,
}

#[derive(Accounts)]
pub struct UpdateOracle<'info> {
    pub admin: Signer<'info>,
    /// CHECK: raw price account
    #[account(mut)]
    pub oracle: AccountInfo<'info>,
}

#[derive(Accounts)]
pub struct CloseObligation<'info> {
    #[account(mut)]
    pub owner: Signer<'info>,
    #[account(mut, has_one = owner)]
    pub obligation: Account<'info, Obligation>,
}

#[account]
pub struct Obligation { pub owner: Pubkey, pub reserve: Pubkey, pub deposited: u64, pub borrowed: u64, pub ltv_bps: u16 }

#[account]
pub struct Reserve { pub mint: Pubkey, pub vault: Pubkey, pub oracle: Pubkey, pub admin: Pubkey, pub bump: u8 }

#[error_code]
pub enum LendError { Insufficient, Unhealthy }
""")],
  reqs=['for each issue give the concrete exploit tx (which accounts the attacker passes)', 'rank by funds at risk'],
  fw='anchor', lang=None)

# 39
t('simple', 'test-execution',
  "rerun just these three from the last run with -vvvv and paste me the last trace frame of each",
  files=[('out/last-run.txt', """
Ran 42 tests for test/Router.t.sol:RouterTest
[FAIL: revert: STF] testSwapExactOutMultiHop() (gas: 301224)
[FAIL: assertion failed: 999 != 1000] testQuoteRoundsDown() (gas: 41872)
[PASS] ... 38 more
Ran 17 tests for test/Pool.t.sol:PoolTest
[FAIL: EvmError: OutOfGas] testSwapLargeTickCross() (gas: 1073720760)
Suite result: FAILED. 56 passed; 3 failed; 0 skipped
""")],
  fw='foundry', lang=None)

# 40
t('medium', 'test-execution',
  "run `anchor test` with the mainnet clones in Anchor.toml (pyth SOL feed + orca whirlpool). tell me what fails and whether it's our code or the cloned accounts being stale / wrong owner",
  files=[('Anchor.toml', """
[toolchain]
anchor_version = "0.30.1"

[programs.localnet]
perps = "PeRp5111111111111111111111111111111111111111"

[provider]
cluster = "localnet"
wallet = "~/.config/solana/id.json"

[scripts]
test = "yarn run ts-mocha -p ./tsconfig.json -t 1000000 tests/**/*.ts"

[test]
startup_wait = 20000

[test.validator]
url = "https://api.mainnet-beta.solana.com"

[[test.validator.clone]]
address = "H6ARHf6YXhGYeQfUzQNGk6rDNnLBQKrenN712K4AQJEG"

[[test.validator.clone]]
address = "whirLbMiicVdio4qvUfM5KAg6Ct8VwpYzGff3uctyCc"

[[test.validator.clone]]
address = "HJPjoWUrhoZzkNfRpHuieeFk9WcZWjwy6PBjZ81ngndJ"
"""),
         ('tests/perps.ts', """
import * as anchor from '@coral-xyz/anchor';
import { PublicKey } from '@solana/web3.js';

const PYTH_SOL_USD = new PublicKey('H6ARHf6YXhGYeQfUzQNGk6rDNnLBQKrenN712K4AQJEG');
const WHIRLPOOL_SOL_USDC = new PublicKey('HJPjoWUrhoZzkNfRpHuieeFk9WcZWjwy6PBjZ81ngndJ');

describe('perps', () => {
  const provider = anchor.AnchorProvider.env();
  anchor.setProvider(provider);
  const program = anchor.workspace.Perps;

  it('opens a long using the pyth price', async () => {
    await program.methods.openPosition(new anchor.BN(1_000_000), 5, true)
      .accounts({ trader: provider.wallet.publicKey, priceFeed: PYTH_SOL_USD })
      .rpc();
  });

  it('hedges via whirlpool', async () => {
    await program.methods.hedge(new anchor.BN(500_000))
      .accounts({ trader: provider.wallet.publicKey, whirlpool: WHIRLPOOL_SOL_USDC, priceFeed: PYTH_SOL_USD })
      .rpc();
  });
});
""")],
  reqs=['if the price feed is rejected as stale, say what max-age the program enforces and how to warp the clock instead of editing the check'],
  fw='anchor')

# 41
t('complex', 'defect-analysis',
  "users on base got paid twice for the same deposit last night. there was a 3-block reorg around 02:14 UTC. logs from indexer + payouts + the env and the code are attached. how did the double pay happen and what's the real fix (not 'bump confirmations')",
  files=[('indexer/src/blockProcessor.ts', """
import { JsonRpcProvider } from 'ethers';
import { publish } from './queue';
import { db } from './db';
import { decodeUser, decodeAmount } from './abi';

const CONFIRMATIONS = Number(process.env.CONFIRMATIONS ?? 2);

export async function processRange(provider: JsonRpcProvider, from: number, to: number) {
  const logs = await provider.getLogs({ address: process.env.DEPOSIT_CONTRACT, fromBlock: from, toBlock: to });
  for (const log of logs) {
    const id = `${log.transactionHash}:${log.index}`;
    const seen = await db.oneOrNone('select 1 from deposits where id = $1', [id]);
    if (seen) continue;
    await db.none(
      'insert into deposits(id, block_number, block_hash, payload) values ($1,$2,$3,$4)',
      [id, log.blockNumber, log.blockHash, log.data],
    );
    await publish('deposit.confirmed', {
      id,
      user: decodeUser(log),
      amount: decodeAmount(log).toString(),
      blockHash: log.blockHash,
    });
  }
}

export async function handleReorg(fromBlock: number) {
  const removed = await db.any('delete from deposits where block_number >= $1 returning id', [fromBlock]);
  for (const r of removed) await publish('deposit.reverted', { id: r.id });
}

export async function tick(provider: JsonRpcProvider) {
  const head = await provider.getBlockNumber();
  const cursor = await db.one('select last_block, last_hash from cursor');
  const block = await provider.getBlock(cursor.last_block);
  if (block && block.hash !== cursor.last_hash) {
    await handleReorg(cursor.last_block - 5);
    await db.none('update cursor set last_block = $1', [cursor.last_block - 5]);
    return;
  }
  const to = head - CONFIRMATIONS;
  if (to <= cursor.last_block) return;
  await processRange(provider, cursor.last_block + 1, to);
  const tip = await provider.getBlock(to);
  await db.none('update cursor set last_block = $1, last_hash = $2', [to, tip!.hash]);
}
"""),
         ('payouts/src/worker.ts', """
import { db } from './db';
import { sendPayout } from './wallet';
import { log } from './log';

type Confirmed = { id: string; user: string; amount: string; blockHash: string };

export async function onDepositConfirmed(msg: Confirmed) {
  const existing = await db.oneOrNone('select status from payouts where deposit_id = $1', [msg.id]);
  if (existing) return;
  await db.none(
    "insert into payouts(deposit_id, user_addr, amount, status) values ($1,$2,$3,'pending')",
    [msg.id, msg.user, msg.amount],
  );
  const tx = await sendPayout(msg.user, BigInt(msg.amount));
  await db.none("update payouts set status='sent', tx_hash=$2 where deposit_id=$1", [msg.id, tx.hash]);
}

export async function onDepositReverted(msg: { id: string }) {
  const row = await db.oneOrNone('select status from payouts where deposit_id = $1', [msg.id]);
  if (!row) return;
  if (row.status === 'pending') {
    await db.none("update payouts set status='cancelled' where deposit_id=$1", [msg.id]);
  } else {
    log.warn({ id: msg.id, status: row.status }, 'revert for already-sent payout, ignoring');
  }
}
"""),
         ('payouts/src/consumer.ts', """
import { subscribe } from './queue';
import { onDepositConfirmed, onDepositReverted } from './worker';

export function start() {
  subscribe('deposit.confirmed', { concurrency: 8 }, onDepositConfirmed);
  subscribe('deposit.reverted', { concurrency: 1 }, onDepositReverted);
}
"""),
         ('deploy/env/base.env', """
CHAIN_ID=8453
CONFIRMATIONS=2
POLL_INTERVAL_MS=1500
DEPOSIT_CONTRACT=0x4b1c2e6f0a9d3c5e7f8a1b2c3d4e5f6a7b8c9d0e
QUEUE_URL=amqp://queue.internal:5672
"""),
         ('logs/indexer.log', """
02:13:58.104Z INFO  tick head=12004871 cursor=12004866 to=12004869
02:13:58.412Z INFO  publish deposit.confirmed id=0x9f3a...c21e:17 block=12004868 hash=0x77ab...01f2
02:13:59.950Z INFO  tick head=12004872 cursor=12004869 to=12004870
02:14:01.488Z INFO  tick head=12004871 cursor=12004870
02:14:01.601Z WARN  reorg detected at 12004870 stored=0x1d0e...9a3c chain=0x5c44...e810
02:14:01.655Z INFO  publish deposit.reverted id=0x9f3a...c21e:17
02:14:01.702Z INFO  cursor rewound to 12004865
02:14:03.040Z INFO  tick head=12004873 cursor=12004865 to=12004871
02:14:03.377Z INFO  publish deposit.confirmed id=0x9f3a...c21e:12 block=12004869 hash=0xe0c9...4b17
02:14:04.901Z INFO  tick head=12004874 cursor=12004871 to=12004872
"""),
         ('logs/payouts.log', """
02:13:58.431Z INFO  payout pending deposit=0x9f3a...c21e:17 user=0x51ee...a0d4 amount=2500000000
02:13:58.902Z INFO  payout sent deposit=0x9f3a...c21e:17 tx=0xaa01...77c3
02:14:01.671Z WARN  revert for already-sent payout, ignoring id=0x9f3a...c21e:17 status=sent
02:14:03.395Z INFO  payout pending deposit=0x9f3a...c21e:12 user=0x51ee...a0d4 amount=2500000000
02:14:03.880Z INFO  payout sent deposit=0x9f3a...c21e:12 tx=0xaa02...19be
""")],
  reqs=['explain the exact sequence that produced two payouts', 'say which id scheme would have been stable across the reorg', 'propose a fix for both services, not only the indexer'])

# 42
t('medium', 'flaky-test-analysis',
  "Airdrop.spec.js 'rejects a claim after the deadline' passes with .only, fails in the full run maybe half the time. log + test attached",
  files=[('test/Airdrop.spec.js', """
const { expect } = require('chai');
const { ethers } = require('hardhat');
const { time, loadFixture } = require('@nomicfoundation/hardhat-network-helpers');
const { deployAirdrop } = require('./fixtures');

describe('Airdrop', () => {
  it('lets an allowlisted user claim once', async () => {
    const { airdrop, alice, proofFor } = await loadFixture(deployAirdrop);
    const { proof, amount } = proofFor(alice.address);
    await airdrop.connect(alice).claim(proof, amount);
    await expect(airdrop.connect(alice).claim(proof, amount)).to.be.revertedWithCustomError(airdrop, 'AlreadyClaimed');
  });

  it('vests over 30 days', async () => {
    const { airdrop, bob, proofFor } = await loadFixture(deployAirdrop);
    const { proof, amount } = proofFor(bob.address);
    await airdrop.connect(bob).claim(proof, amount);
    await time.increase(30 * 24 * 3600);
    expect(await airdrop.vested(bob.address)).to.equal(amount);
  });

  it('rejects a claim after the deadline', async () => {
    const { airdrop, owner, alice, proofFor } = await loadFixture(deployAirdrop);
    const deadline = Math.floor(Date.now() / 1000) + 3600;
    await airdrop.connect(owner).setDeadline(deadline);
    await time.increase(3601);
    const { proof, amount } = proofFor(alice.address);
    await expect(airdrop.connect(alice).claim(proof, amount)).to.be.revertedWithCustomError(airdrop, 'ClaimWindowClosed');
  });
});
"""),
         ('ci/airdrop-fail.log', """
  Airdrop
    ✔ lets an allowlisted user claim once (612ms)
    ✔ vests over 30 days (88ms)
    1) rejects a claim after the deadline

  1 failing

  1) Airdrop
       rejects a claim after the deadline:
     Error: VM Exception while processing transaction: reverted with custom error 'DeadlineInPast(1717003920, 1719595931)'
      at Airdrop.setDeadline (contracts/Airdrop.sol:58)
      at async Context.<anonymous> (test/Airdrop.spec.js:26:5)
""")],
  fw='hardhat', lang='javascript')

# 43
t('simple', 'performance-testing',
  "gas snapshot diff vs main. which tests got >5% more expensive? list them with the %",
  files=[('reports/gas-snapshot-diff.txt', lines(26, lambda i: (
      f"test{['Deposit','Withdraw','Swap','Claim','Stake','Unstake','Harvest','Migrate'][i % 8]}"
      f"{['Single','Batch','Max','Dust'][i % 4]}{i}() (gas: {((i * 977) % 9000) - 2500} "
      f"({(((i * 977) % 9000) - 2500) / 1500:.2f}%))")) + "\nOverall gas change: 31877 (0.84%)")],
  fw='foundry', lang=None)

# 44
t('complex', 'test-generation',
  "tests for our permit impl pls",
  files=[('src/PermitToken.sol', """
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

contract PermitToken is ERC20 {
    bytes32 public constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    bytes32 public immutable DOMAIN_SEPARATOR;
    mapping(address => uint256) public nonces;

    error Expired();
    error InvalidSigner();

    constructor() ERC20("Permit Token", "PMT") {
        DOMAIN_SEPARATOR = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256(bytes("Permit Token")),
                keccak256(bytes("1")),
                block.chainid,
                address(this)
            )
        );
        _mint(msg.sender, 1_000_000e18);
    }

    function permit(
        address owner, address spender, uint256 value, uint256 deadline,
        uint8 v, bytes32 r, bytes32 s
    ) external {
        if (block.timestamp > deadline) revert Expired();
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, nonces[owner]++, deadline));
        bytes32 digest = keccak256(abi.encodePacked("\\x19\\x01", DOMAIN_SEPARATOR, structHash));
        address signer = ecrecover(digest, v, r, s);
        if (signer != owner) revert InvalidSigner();
        _approve(owner, spender, value);
    }
}
""")],
  fw='foundry', lang=None)

# 45
t('medium', 'performance-testing',
  "two merkle distributor impls. V2 (bitmap) is supposed to be cheaper but the gas report says first claim costs more than V1 and later ones less. explain why and write a forge bench that measures cold vs warm claims properly, not the default report",
  files=[('src/MerkleDistributorV1.sol', """
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

contract MerkleDistributorV1 {
    bytes32 public immutable root;
    IERC20 public immutable token;
    mapping(address => bool) public claimed;

    constructor(bytes32 r, IERC20 t) { root = r; token = t; }

    function claim(address account, uint256 amount, bytes32[] calldata proof) external {
        require(!claimed[account], "claimed");
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(account, amount))));
        require(MerkleProof.verifyCalldata(proof, root, leaf), "bad proof");
        claimed[account] = true;
        token.transfer(account, amount);
    }
}
"""),
         ('src/MerkleDistributorV2.sol', """
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

contract MerkleDistributorV2 {
    bytes32 public immutable root;
    IERC20 public immutable token;
    mapping(uint256 => uint256) private claimedBitMap;

    constructor(bytes32 r, IERC20 t) { root = r; token = t; }

    function isClaimed(uint256 index) public view returns (bool) {
        uint256 word = claimedBitMap[index / 256];
        return word & (1 << (index % 256)) != 0;
    }

    function claim(uint256 index, address account, uint256 amount, bytes32[] calldata proof) external {
        require(!isClaimed(index), "claimed");
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(index, account, amount))));
        require(MerkleProof.verifyCalldata(proof, root, leaf), "bad proof");
        claimedBitMap[index / 256] |= 1 << (index % 256);
        token.transfer(account, amount);
    }
}
"""),
         ('reports/gas-report.txt', """
| src/MerkleDistributorV1.sol:MerkleDistributorV1 |        |       |        |       |         |
| Function Name                                   | min    | avg   | median | max   | # calls |
| claim                                           | 58211  | 58233 | 58233  | 58255 | 2       |
| src/MerkleDistributorV2.sol:MerkleDistributorV2 |        |       |        |       |         |
| Function Name                                   | min    | avg   | median | max   | # calls |
| claim                                           | 41094  | 50202 | 50202  | 59310 | 2       |
""")],
  reqs=['bench must separate cold slot vs warm slot claims and token recipient cold/warm', 'use vm.pauseGasMetering / gasleft deltas, not the gas report'],
  fw='foundry', lang=None)

# 46
# why: plain-words symptom hides concurrent nonce allocation across parallel sends + replacement logic: a race condition, complex
t('complex', 'flaky-test-analysis',
  "executor e2e on anvil fails like 1 run in 6 on CI, different test each time, always 'replacement transaction underpriced' or 'nonce too low'. never locally on my mac. code + test + CI log",
  files=[('src/executor.ts', """
import { JsonRpcProvider, Wallet, TransactionRequest, TransactionResponse } from 'ethers';

export class Executor {
  private pendingNonce: number | null = null;

  constructor(private readonly wallet: Wallet, private readonly provider: JsonRpcProvider) {}

  private async nextNonce(): Promise<number> {
    if (this.pendingNonce === null) {
      this.pendingNonce = await this.provider.getTransactionCount(this.wallet.address, 'pending');
    }
    return this.pendingNonce++;
  }

  async send(req: TransactionRequest): Promise<TransactionResponse> {
    const nonce = await this.nextNonce();
    const fee = await this.provider.getFeeData();
    try {
      return await this.wallet.sendTransaction({ ...req, nonce, maxFeePerGas: fee.maxFeePerGas, maxPriorityFeePerGas: fee.maxPriorityFeePerGas });
    } catch (err: any) {
      if (String(err?.message).includes('nonce too low')) {
        this.pendingNonce = null;
        return this.send(req);
      }
      throw err;
    }
  }

  async sendAll(reqs: TransactionRequest[]): Promise<TransactionResponse[]> {
    return Promise.all(reqs.map((r) => this.send(r)));
  }

  async speedUp(tx: TransactionResponse, bumpPct = 12): Promise<TransactionResponse> {
    const bump = (v: bigint) => (v * BigInt(100 + bumpPct)) / 100n;
    return this.wallet.sendTransaction({
      to: tx.to!, data: tx.data, value: tx.value, nonce: tx.nonce,
      maxFeePerGas: bump(tx.maxFeePerGas!), maxPriorityFeePerGas: bump(tx.maxPriorityFeePerGas!),
    });
  }
}
"""),
         ('test/executor.e2e.spec.ts', """
import { describe, it, expect, beforeAll } from 'vitest';
import { JsonRpcProvider, Wallet, parseEther } from 'ethers';
import { Executor } from '../src/executor';

const provider = new JsonRpcProvider(process.env.ANVIL_URL ?? 'http://127.0.0.1:8545');
const wallet = new Wallet(process.env.TEST_PK!, provider);
const exec = new Executor(wallet, provider);

describe('executor', () => {
  beforeAll(async () => { await provider.send('evm_setAutomine', [false]); await provider.send('evm_setIntervalMining', [1]); });

  it('sends a batch of 5 transfers', async () => {
    const txs = await exec.sendAll(Array.from({ length: 5 }, () => ({ to: wallet.address, value: 1n })));
    const receipts = await Promise.all(txs.map((t) => t.wait()));
    expect(receipts.every((r) => r!.status === 1)).toBe(true);
  });

  it('speeds up a stuck tx', async () => {
    const tx = await exec.send({ to: wallet.address, value: parseEther('0.001') });
    const faster = await exec.speedUp(tx);
    const r = await faster.wait();
    expect(r!.status).toBe(1);
  });

  it('recovers after an external tx from the same key', async () => {
    await wallet.sendTransaction({ to: wallet.address, value: 1n });
    const tx = await exec.send({ to: wallet.address, value: 2n });
    expect((await tx.wait())!.status).toBe(1);
  });
});
"""),
         ('ci/executor-e2e.log', """
 RUN  v1.6.0
 ✓ test/executor.e2e.spec.ts > executor > sends a batch of 5 transfers 2210ms
 × test/executor.e2e.spec.ts > executor > speeds up a stuck tx 1034ms
   → replacement transaction underpriced
 ✓ test/executor.e2e.spec.ts > executor > recovers after an external tx from the same key 1301ms

 --- previous failing run (#8812) ---
 × test/executor.e2e.spec.ts > executor > sends a batch of 5 transfers 1750ms
   → nonce too low: next nonce 14, tx nonce 12
 ✓ speeds up a stuck tx
 ✓ recovers after an external tx from the same key
""")],
  reqs=['explain each failure mode separately', 'fix the executor, not just the test'],
  fw='vitest')

# 47
t('complex', 'performance-testing',
  "mint opens next thursday, expecting ~40k wallets in the first 10 min. need a load test plan for the whole path: our rpc proxy, the allowlist/signature api, the relayer that batches mints, and the indexer that feeds the ui. what to hit, in what shape, what to watch, what breaks first",
  files=[('docs/mint-architecture.md', """
# Mint day architecture

- Frontend (Next.js on CDN) -> rpc-proxy (Node, 4 pods) -> Alchemy + QuickNode failover
- Frontend -> sig-api (Fastify, 3 pods, Redis) : POST /allowlist/sign returns EIP-712 voucher, 1 per wallet, rate-limited per IP
- Gasless path: frontend -> relayer (TS, 2 pods) : POST /relay with voucher; relayer batches up to 25 mints per tx via multicall,
  hot wallets x6, nonce tracked in Redis, replaces stuck tx after 30s with +15% tip
- indexer (TS, 1 pod, Postgres) polls logs every 2s, confirms at 3 blocks, pushes 'minted' over websocket to the ui
- Postgres: db.r6g.large, pgbouncer pool 100
- Chain: Base mainnet, block time 2s
"""),
         ('relayer/config.yaml', """
batch:
  maxSize: 25
  maxWaitMs: 1500
wallets:
  count: 6
  minBalanceEth: 0.2
replacement:
  afterSec: 30
  tipBumpPct: 15
  maxReplacements: 4
redis:
  url: redis://redis.internal:6379
rateLimit:
  perIpPerMin: 20
""")],
  reqs=['cover spike at t=0, not just steady ramp', 'include chain-side limits (block gas, nonce pipeline) not only http', 'define pass/fail thresholds per component'],
  fw='k6')

# 48
t('complex', 'test-execution',
  "spin up the two-anvil bridge e2e (scripts/e2e.sh), run the reorg scenarios too, and tell me if any message got delivered twice or out of nonce order. last run's output was ambiguous and I don't trust the green",
  files=[('scripts/e2e.sh', """
#!/usr/bin/env bash
set -euo pipefail
anvil --port 8545 --chain-id 31337 --block-time 2 > .e2e/l1.log 2>&1 &
anvil --port 9545 --chain-id 31338 --block-time 1 > .e2e/l2.log 2>&1 &
trap 'kill $(jobs -p)' EXIT
sleep 2
forge script script/DeployBridge.s.sol --rpc-url http://127.0.0.1:8545 --broadcast --sig 'run(uint256)' 31338
forge script script/DeployBridge.s.sol --rpc-url http://127.0.0.1:9545 --broadcast --sig 'run(uint256)' 31337
RELAYER_CONFIRMATIONS=${RELAYER_CONFIRMATIONS:-3} npx tsx relayer/src/main.ts > .e2e/relayer.log 2>&1 &
npx vitest run e2e/ ${E2E_FILTER:+-t "$E2E_FILTER"}
"""),
         ('e2e/reorg.e2e.ts', """
import { describe, it, expect } from 'vitest';
import { l1, l2, bridgeL1, bridgeL2, sendMessages, waitDelivered, reorgL1 } from './helpers';

describe('reorg', () => {
  it('delivers each message exactly once after a 2-block L1 reorg', async () => {
    const snap = await l1.send('evm_snapshot', []);
    const ids = await sendMessages(bridgeL1, 5);
    await reorgL1(snap, 2);
    const reSent = await sendMessages(bridgeL1, 5);
    await waitDelivered(bridgeL2, reSent, 60_000);
    const delivered = await bridgeL2.queryFilter(bridgeL2.filters.MessageDelivered());
    expect(delivered.length).toBeGreaterThanOrEqual(5);
  });

  it('keeps nonce order on L2', async () => {
    const ids = await sendMessages(bridgeL1, 20);
    await waitDelivered(bridgeL2, ids, 90_000);
    const nonces = (await bridgeL2.queryFilter(bridgeL2.filters.MessageDelivered())).map((e) => Number(e.args.nonce));
    expect(new Set(nonces).size).toBe(nonces.length);
  });
});
"""),
         ('relayer/src/main.ts', """
import { JsonRpcProvider, Wallet, Contract } from 'ethers';
import { BRIDGE_ABI } from './abi';

const l1 = new JsonRpcProvider('http://127.0.0.1:8545');
const l2 = new JsonRpcProvider('http://127.0.0.1:9545');
const signer = new Wallet(process.env.RELAYER_PK!, l2);
const src = new Contract(process.env.L1_BRIDGE!, BRIDGE_ABI, l1);
const dst = new Contract(process.env.L2_BRIDGE!, BRIDGE_ABI, signer);
const CONF = Number(process.env.RELAYER_CONFIRMATIONS ?? 3);

let cursor = 0;
setInterval(async () => {
  const head = await l1.getBlockNumber();
  const to = head - CONF;
  if (to <= cursor) return;
  const events = await src.queryFilter(src.filters.MessageSent(), cursor + 1, to);
  await Promise.all(events.map((e: any) => dst.deliver(e.args.nonce, e.args.sender, e.args.payload, e.blockHash)));
  cursor = to;
}, 1000);
""")],
  reqs=['run both with RELAYER_CONFIRMATIONS=3 and =1', 'check the tests themselves: say if an assertion can pass while the property is violated', 'report per scenario: delivered count, duplicates, out-of-order nonces'],
  fw='vitest')

# 49
t('medium', 'coverage-analysis',
  "solidity-coverage for Marketplace. branch % is bad. map each missed branch to a concrete hardhat test I should write",
  files=[('contracts/Marketplace.sol', """
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

contract Marketplace is ReentrancyGuard {
    struct Listing { address seller; uint96 price; uint64 expiresAt; }

    uint16 public feeBps = 250;
    address public feeRecipient;
    address public owner;
    mapping(address => mapping(uint256 => Listing)) public listings;
    mapping(address => uint256) public proceeds;

    error NotOwner();
    error NotSeller();
    error NotApproved();
    error BadPrice();
    error NotListed();
    error Expired();
    error WrongValue();
    error FeeTooHigh();

    event Listed(address indexed nft, uint256 indexed id, address seller, uint256 price, uint64 expiresAt);
    event Sold(address indexed nft, uint256 indexed id, address buyer, uint256 price);
    event Cancelled(address indexed nft, uint256 indexed id);

    constructor(address _feeRecipient) { owner = msg.sender; feeRecipient = _feeRecipient; }

    function list(address nft, uint256 id, uint96 price, uint64 expiresAt) external {
        if (IERC721(nft).ownerOf(id) != msg.sender) revert NotSeller();
        if (!IERC721(nft).isApprovedForAll(msg.sender, address(this)) && IERC721(nft).getApproved(id) != address(this)) revert NotApproved();
        if (price == 0) revert BadPrice();
        if (expiresAt != 0 && expiresAt <= block.timestamp) revert Expired();
        listings[nft][id] = Listing(msg.sender, price, expiresAt);
        emit Listed(nft, id, msg.sender, price, expiresAt);
    }

    function cancel(address nft, uint256 id) external {
        Listing memory l = listings[nft][id];
        if (l.seller == address(0)) revert NotListed();
        if (l.seller != msg.sender && msg.sender != owner) revert NotSeller();
        delete listings[nft][id];
        emit Cancelled(nft, id);
    }

    function buy(address nft, uint256 id) external payable nonReentrant {
        Listing memory l = listings[nft][id];
        if (l.seller == address(0)) revert NotListed();
        if (l.expiresAt != 0 && block.timestamp > l.expiresAt) revert Expired();
        if (msg.value != l.price) revert WrongValue();
        delete listings[nft][id];
        uint256 fee = (uint256(l.price) * feeBps) / 10_000;
        proceeds[feeRecipient] += fee;
        proceeds[l.seller] += l.price - fee;
        IERC721(nft).safeTransferFrom(l.seller, msg.sender, id);
        emit Sold(nft, id, msg.sender, l.price);
    }

    function withdrawProceeds() external nonReentrant {
        uint256 amt = proceeds[msg.sender];
        proceeds[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amt}("");
        require(ok, "transfer failed");
    }

    function setFee(uint16 bps) external {
        if (msg.sender != owner) revert NotOwner();
        if (bps > 1000) revert FeeTooHigh();
        feeBps = bps;
    }
}
"""),
         ('coverage/coverage-summary.txt', """
-----------------|----------|----------|----------|----------|----------------|
File             |  % Stmts | % Branch |  % Funcs |  % Lines |Uncovered Lines |
-----------------|----------|----------|----------|----------|----------------|
 contracts/      |    86.49 |    52.78 |    83.33 |    87.88 |                |
  Marketplace.sol|    86.49 |    52.78 |    83.33 |    87.88 |... 54,76,77,84 |
-----------------|----------|----------|----------|----------|----------------|

Branches not taken (line:branch):
  36:1 (ownerOf != sender -> revert)      37:0 (approved via getApproved only)
  37:1 (not approved -> revert)           39:1 (expiresAt in past -> revert)
  44:1 (cancel NotListed)                 45:0 (owner cancels someone else's listing)
  45:1 (stranger cancels -> revert)       53:1 (buy expired -> revert)
  54:1 (wrong msg.value -> revert)        66:1 (withdraw transfer fails)
  71:1 (setFee non-owner)                 72:1 (setFee > 1000)
"""),
         ('test/Marketplace.spec.ts', """
import { expect } from 'chai';
import { ethers } from 'hardhat';

describe('Marketplace', () => {
  it('lists and buys', async () => {
    const [owner, seller, buyer, fees] = await ethers.getSigners();
    const nft = await ethers.deployContract('MockNFT');
    const mkt = await ethers.deployContract('Marketplace', [fees.address]);
    await nft.mint(seller.address, 1);
    await nft.connect(seller).setApprovalForAll(mkt, true);
    await mkt.connect(seller).list(nft, 1, ethers.parseEther('1'), 0);
    await mkt.connect(buyer).buy(nft, 1, { value: ethers.parseEther('1') });
    expect(await nft.ownerOf(1)).to.equal(buyer.address);
  });

  it('seller cancels', async () => {
    const [owner, seller, , fees] = await ethers.getSigners();
    const nft = await ethers.deployContract('MockNFT');
    const mkt = await ethers.deployContract('Marketplace', [fees.address]);
    await nft.mint(seller.address, 2);
    await nft.connect(seller).setApprovalForAll(mkt, true);
    await mkt.connect(seller).list(nft, 2, 100n, 0);
    await mkt.connect(seller).cancel(nft, 2);
  });
});
""")],
  reqs=['one test per missed branch, named after the branch', 'say which missed branch you think hides a real bug, if any'],
  fw='hardhat', lang=None)

# 50
t('complex', 'quality-gate',
  "go/no-go on the VaultV2 upgrade behind the mainnet proxy. criteria in release.md. everything we have is attached. be brutal, this proxy holds ~$40m",
  files=[('release.md', """
# Upgrade release criteria (mainnet proxies)
1. Storage layout of the new implementation is append-only vs the live implementation (including inherited contracts).
2. No open High/Critical audit findings; Mediums either fixed and verified or explicitly accepted by 2 signers.
3. Invariant campaign: >= 50k runs, depth >= 100, zero failures on the final commit.
4. Line coverage >= 95% on changed files.
5. initializer / reinitializer version bumped and cannot be called twice.
6. Upgrade executed through the 48h timelock; dry-run on a fork at the latest block succeeds.
"""),
         ('reports/storage-v1.txt', """
| Name            | Type                                   | Slot | Offset | Bytes | Contract          |
|-----------------|----------------------------------------|------|--------|-------|-------------------|
| _initialized    | uint8                                  | 0    | 0      | 1     | VaultV1           |
| _initializing   | bool                                   | 0    | 1      | 1     | VaultV1           |
| _owner          | address                                | 51   | 0      | 20    | VaultV1           |
| _paused         | bool                                   | 101  | 0      | 1     | VaultV1           |
| asset           | contract IERC20                        | 151  | 0      | 20    | VaultV1           |
| totalShares     | uint256                                | 152  | 0      | 32    | VaultV1           |
| shares          | mapping(address => uint256)            | 153  | 0      | 32    | VaultV1           |
| strategies      | address[]                              | 154  | 0      | 32    | VaultV1           |
"""),
         ('reports/storage-v2.txt', """
| Name            | Type                                   | Slot | Offset | Bytes | Contract          |
|-----------------|----------------------------------------|------|--------|-------|-------------------|
| _initialized    | uint8                                  | 0    | 0      | 1     | VaultV2           |
| _initializing   | bool                                   | 0    | 1      | 1     | VaultV2           |
| _owner          | address                                | 51   | 0      | 20    | VaultV2           |
| _paused         | bool                                   | 101  | 0      | 1     | VaultV2           |
| _status         | uint256                                | 151  | 0      | 32    | VaultV2           |
| asset           | contract IERC20                        | 201  | 0      | 20    | VaultV2           |
| totalShares     | uint256                                | 202  | 0      | 32    | VaultV2           |
| shares          | mapping(address => uint256)            | 203  | 0      | 32    | VaultV2           |
| strategies      | address[]                              | 204  | 0      | 32    | VaultV2           |
| withdrawalQueue | mapping(address => uint256)            | 205  | 0      | 32    | VaultV2           |
"""),
         ('reports/audit-status.md', """
| ID   | Severity | Title                                              | Status                      |
|------|----------|----------------------------------------------------|-----------------------------|
| H-01 | High     | Strategy can report inflated totalAssets           | Fixed in 3e1f9a2, verified  |
| M-01 | Medium   | Withdrawal queue can be griefed with dust requests | Fixed in 7c02d4b, NOT verified |
| M-02 | Medium   | Missing slippage check on strategy migrate         | Acknowledged (1 signer)     |
| L-01 | Low      | Events missing indexed params                      | Fixed                       |
"""),
         ('reports/invariant-run.txt', """
commit 9b7e51c (final release candidate is 9b7e51c)
[PASS] invariant_totalSharesMatchesSum() (runs: 50000, calls: 5000000, reverts: 412331)
[PASS] invariant_assetsCoverShares() (runs: 50000, calls: 5000000, reverts: 412331)
[PASS] invariant_queueFifo() (runs: 10000, calls: 1000000, reverts: 80212)
depth: 100
"""),
         ('reports/coverage-changed.txt', """
| File                     | % Lines          | % Branches     |
|--------------------------|------------------|----------------|
| src/VaultV2.sol          | 96.44% (217/225) | 88.10% (74/84) |
| src/WithdrawalQueue.sol  | 93.02% (80/86)   | 79.17% (19/24) |
"""),
         ('src/VaultV2.sol', """
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {OwnableUpgradeable} from "@openzeppelin/contracts-upgradeable/access/OwnableUpgradeable.sol";
import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";
import {ReentrancyGuardUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/ReentrancyGuardUpgradeable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

contract VaultV2 is Initializable, OwnableUpgradeable, PausableUpgradeable, ReentrancyGuardUpgradeable {
    IERC20 public asset;
    uint256 public totalShares;
    mapping(address => uint256) public shares;
    address[] public strategies;
    mapping(address => uint256) public withdrawalQueue;

    /// @custom:oz-upgrades-validate-as-initializer
    function initializeV2() external reinitializer(2) {
        __ReentrancyGuard_init();
    }

    // ... rest unchanged from V1 apart from the queue logic
}
"""),
         ('reports/fork-dryrun.txt', """
fork block: 19_874_112 (latest at time of run: 19_902_540)
timelock.schedule(...)  ok
vm.warp(+48h)
timelock.execute(...)   ok
proxy.upgradeToAndCall(VaultV2, initializeV2()) ok
post-upgrade checks: asset() == 0x0000000000000000000000000000000000000000  <-- WARN
""")],
  reqs=['evaluate every criterion with evidence from the attachments', 'if no-go, list the blocking items in order of severity'],
  fw='foundry', lang=None)

# 51
# why: lots of backstory but the actual ask is one command and a pass/fail count: simple
t('simple', 'test-execution',
  "context: we're mid-migration from truffle, half the repo is still on the old layout, the gas reporter plugin hangs on node 20 which is why REPORT_GAS has to be off, and the integration folder needs a fork RPC that we don't have set up on this box yet so don't touch it. coverage is a separate job, ignore it. all I need right now: run `npx hardhat test test/unit` with REPORT_GAS=false and give me passed/failed/pending counts plus names of anything failing",
  fw='hardhat')

# 52
# why: 'flaky on some seeds' is really a question of whether the handler's ghost accounting or the vault's interest accrual is wrong under time warps: deep invariant reasoning, complex
t('complex', 'flaky-test-analysis',
  "invariant_solvency fails on CI maybe 1 in 10 (random seed each run), never with the seed I use locally. handler, invariant and the failing sequence from CI below. real bug or bad handler?",
  files=[('test/invariant/LendingHandler.sol', """
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Test} from "forge-std/Test.sol";
import {LendingPool} from "src/LendingPool.sol";
import {MockERC20} from "test/mocks/MockERC20.sol";

contract LendingHandler is Test {
    LendingPool public pool;
    MockERC20 public asset;
    address[] public actors;
    uint256 public ghostDeposited;
    uint256 public ghostBorrowed;
    uint256 public ghostRepaid;

    constructor(LendingPool _pool, MockERC20 _asset) {
        pool = _pool;
        asset = _asset;
        for (uint256 i; i < 5; i++) actors.push(makeAddr(string(abi.encodePacked("actor", i))));
    }

    function deposit(uint256 actorSeed, uint256 amount) external {
        address a = actors[actorSeed % actors.length];
        amount = bound(amount, 1, 1e24);
        asset.mint(a, amount);
        vm.startPrank(a);
        asset.approve(address(pool), amount);
        pool.deposit(amount);
        vm.stopPrank();
        ghostDeposited += amount;
    }

    function borrow(uint256 actorSeed, uint256 amount) external {
        address a = actors[actorSeed % actors.length];
        uint256 maxB = pool.maxBorrow(a);
        if (maxB == 0) return;
        amount = bound(amount, 1, maxB);
        vm.prank(a);
        pool.borrow(amount);
        ghostBorrowed += amount;
    }

    function repay(uint256 actorSeed, uint256 amount) external {
        address a = actors[actorSeed % actors.length];
        uint256 debt = pool.debtOf(a);
        if (debt == 0) return;
        amount = bound(amount, 1, debt);
        asset.mint(a, amount);
        vm.startPrank(a);
        asset.approve(address(pool), amount);
        pool.repay(amount);
        vm.stopPrank();
        ghostRepaid += amount;
    }

    function warp(uint256 secs) external {
        secs = bound(secs, 1, 365 days);
        vm.warp(block.timestamp + secs);
    }
}
"""),
         ('test/invariant/Solvency.t.sol', """
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Test} from "forge-std/Test.sol";
import {LendingPool} from "src/LendingPool.sol";
import {MockERC20} from "test/mocks/MockERC20.sol";
import {LendingHandler} from "./LendingHandler.sol";

contract SolvencyInvariant is Test {
    LendingPool pool;
    MockERC20 asset;
    LendingHandler handler;

    function setUp() public {
        asset = new MockERC20("USD", "USD", 18);
        pool = new LendingPool(asset, 0.05e18, 0.8e18);
        handler = new LendingHandler(pool, asset);
        targetContract(address(handler));
    }

    function invariant_solvency() public view {
        uint256 cash = asset.balanceOf(address(pool));
        assertEq(cash + handler.ghostBorrowed() - handler.ghostRepaid(), handler.ghostDeposited());
    }

    function invariant_debtCoveredByAssets() public view {
        assertGe(asset.balanceOf(address(pool)) + pool.totalDebt(), pool.totalDeposits());
    }
}
"""),
         ('src/LendingPool.sol', """
    function _accrue() internal {
        uint256 dt = block.timestamp - lastAccrual;
        if (dt == 0) return;
        uint256 interest = (totalDebt * rateWad * dt) / (365 days * 1e18);
        totalDebt += interest;
        debtIndex += (debtIndex * rateWad * dt) / (365 days * 1e18);
        totalDeposits += interest;
        lastAccrual = block.timestamp;
    }

    function debtOf(address a) public view returns (uint256) {
        return (scaledDebt[a] * _currentIndex()) / 1e18;
    }

    function repay(uint256 amount) external {
        _accrue();
        uint256 scaled = (amount * 1e18) / debtIndex;
        scaledDebt[msg.sender] -= scaled;
        totalDebt -= amount;
        asset.transferFrom(msg.sender, address(this), amount);
    }
"""),
         ('ci/invariant-fail.log', """
[FAIL: invariant_solvency replay failure]
        [Sequence]
                sender=0x...0cF1 addr=[test/invariant/LendingHandler.sol:LendingHandler] calldata=deposit(uint256,uint256) args=[3, 4422190000000000000000]
                sender=0x...91aB addr=[test/invariant/LendingHandler.sol:LendingHandler] calldata=borrow(uint256,uint256) args=[3, 1000000000000000000000]
                sender=0x...0cF1 addr=[test/invariant/LendingHandler.sol:LendingHandler] calldata=warp(uint256) args=[31536000]
                sender=0x...77e0 addr=[test/invariant/LendingHandler.sol:LendingHandler] calldata=repay(uint256,uint256) args=[3, 1050000000000000000000]
 invariant_solvency: 4422190000000000000000 + 1000000000000000000000 - 1050000000000000000000 != 4422190000000000000000
seed: 0x2b1e9a0c
""")],
  reqs=['decide handler bug vs protocol bug and justify with the numbers in the log', 'rewrite the ghost accounting so the invariant is correct with interest', 'check whether debtOf and repay can disagree (index rounding) and whether that could underflow'],
  fw='foundry', lang=None)

# 53
t('complex', 'performance-testing',
  "we keep losing backruns to the same searcher, usually by one block or a couple hundred ms. pipeline attached. figure out where the time goes and design a benchmark that measures pending-tx-seen -> bundle-submitted under a realistic mempool firehose, with numbers we can track per release",
  files=[('src/pipeline.ts', """
import { WebSocketProvider, Transaction } from 'ethers';
import { decodeSwap } from './decode';
import { simulateBackrun } from './simulate';
import { buildBundle, submitBundle } from './bundle';
import { metrics } from './metrics';

export function start(ws: WebSocketProvider) {
  ws.on('pending', async (hash: string) => {
    const t0 = performance.now();
    const tx = await ws.getTransaction(hash);
    if (!tx || !tx.to) return;
    const swap = decodeSwap(tx as unknown as Transaction);
    if (!swap) return;
    metrics.observe('decode_ms', performance.now() - t0);
    const sim = await simulateBackrun(swap);
    metrics.observe('sim_ms', performance.now() - t0);
    if (sim.profitWei <= 0n) return;
    const bundle = await buildBundle(tx, sim);
    await submitBundle(bundle);
    metrics.observe('submit_ms', performance.now() - t0);
  });
}
"""),
         ('src/simulate.ts', """
import { JsonRpcProvider } from 'ethers';
import { SwapIntent, SimResult } from './types';
import { POOLS } from './pools';

const rpc = new JsonRpcProvider(process.env.SIM_RPC);

export async function simulateBackrun(swap: SwapIntent): Promise<SimResult> {
  const block = await rpc.getBlock('latest');
  const reserves = [];
  for (const pool of POOLS[swap.tokenIn] ?? []) {
    reserves.push(await pool.getReserves({ blockTag: block!.number }));
  }
  let best = { profitWei: 0n, route: [] as string[] };
  for (const r of reserves) {
    const res = await rpc.send('eth_callBundle', [{ txs: [swap.raw, r.backrunTx], blockNumber: block!.number + 1 }]);
    const p = BigInt(res.coinbaseDiff) - BigInt(res.gasFees);
    if (p > best.profitWei) best = { profitWei: p, route: r.route };
  }
  return best;
}
"""),
         ('src/bundle.ts', """
import { Wallet, Transaction } from 'ethers';
import { SimResult } from './types';

const signer = new Wallet(process.env.SEARCHER_KEY!);
const RELAYS = (process.env.RELAYS ?? '').split(',');

export async function buildBundle(target: any, sim: SimResult) {
  const nonce = await signer.connect(null).getNonce?.() ?? 0;
  const backrun = await signer.signTransaction({ ...sim, nonce });
  return { txs: [target.serialized, backrun] };
}

export async function submitBundle(bundle: { txs: string[] }) {
  for (const relay of RELAYS) {
    await fetch(relay, { method: 'POST', body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_sendBundle', params: [bundle] }) });
  }
}
"""),
         ('reports/latency-prod.txt', """
metric      p50     p90     p99     count/h
decode_ms   38      71      160     412k
sim_ms      410     980     2210    9.1k
submit_ms   690     1530    3480    1.2k
""")],
  reqs=['identify serial awaits / round trips on the hot path with estimated cost', 'benchmark design: replay recorded mempool at 1x/5x rate, measure stage latencies and queueing', 'state what p99 target beats a 12s slot with margin'])

# 54
t('medium', 'test-generation',
  "vitest suite for PriceFeedReader. mock the ethers Contract, no fork, I want every reject path + fallback hit",
  files=[('src/oracle/PriceFeedReader.ts', """
import { Contract, JsonRpcProvider } from 'ethers';

const AGGREGATOR_ABI = [
  'function latestRoundData() view returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)',
  'function decimals() view returns (uint8)',
];

export interface PriceSnapshot {
  feed: string;
  price: bigint;
  decimals: number;
  updatedAt: number;
  source: 'chainlink' | 'fallback';
}

export class StalePriceError extends Error {}

export class PriceFeedReader {
  private decimalsCache = new Map<string, number>();

  constructor(
    private readonly provider: JsonRpcProvider,
    private readonly fallback: (feed: string) => Promise<bigint | null>,
    private readonly maxAgeSec = 3600,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  private contract(feed: string) {
    return new Contract(feed, AGGREGATOR_ABI, this.provider);
  }

  async decimals(feed: string): Promise<number> {
    const cached = this.decimalsCache.get(feed);
    if (cached !== undefined) return cached;
    const d = Number(await this.contract(feed).decimals());
    this.decimalsCache.set(feed, d);
    return d;
  }

  async read(feed: string): Promise<PriceSnapshot> {
    const decimals = await this.decimals(feed);
    try {
      const [roundId, answer, , updatedAt, answeredInRound] = await this.contract(feed).latestRoundData();
      if (answer <= 0n) throw new StalePriceError(`non-positive answer ${answer}`);
      if (answeredInRound < roundId) throw new StalePriceError(`stale round ${answeredInRound} < ${roundId}`);
      const age = this.now() - Number(updatedAt);
      if (age > this.maxAgeSec) throw new StalePriceError(`price age ${age}s > ${this.maxAgeSec}s`);
      return { feed, price: answer, decimals, updatedAt: Number(updatedAt), source: 'chainlink' };
    } catch (err) {
      const fb = await this.fallback(feed);
      if (fb === null) throw err;
      return { feed, price: fb, decimals, updatedAt: this.now(), source: 'fallback' };
    }
  }
}
""")],
  reqs=['cover: answer <= 0, answeredInRound < roundId, age > maxAge, rpc throws', 'fallback null must rethrow the original error', 'assert decimals() is called once per feed'],
  fw='vitest')
