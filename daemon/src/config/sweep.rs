//! `[sweep]`: sending the key's balance above a threshold elsewhere (see `dtp_sdk::sweep`).

use serde::Deserialize;
use sui_sdk_types::Address;

use super::{bad, ConfigError};

/// Sending the key's SUI above a threshold to another address (off unless `to` is set): the
/// storage rebates a server earns by completing go back to whoever pays the sends.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Sweep {
    /// Recipient, for example the gateway's address.
    pub to: Option<Address>,
    /// The balance the key keeps (MIST); at least [`SWEEP_MIN_KEEP_BUDGETS`] gas budgets.
    pub above_mist: u64,
    /// How often the balance is checked.
    pub interval_ms: u64,
}

/// `sweep.above_mist` keeps at least this many gas budgets: a sweep never leaves the key low on gas.
pub const SWEEP_MIN_KEEP_BUDGETS: u64 = 100;

impl Default for Sweep {
    fn default() -> Self {
        Self {
            to: None,
            above_mist: 10_000_000_000,
            interval_ms: 60_000,
        }
    }
}

impl Sweep {
    /// A sweep that is on keeps enough for the key's own transactions and has an interval.
    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.to.is_none() {
            return Ok(());
        }
        let least = dtp_sdk::DEFAULT_GAS_BUDGET.saturating_mul(SWEEP_MIN_KEEP_BUDGETS);
        if self.above_mist < least {
            return Err(bad(
                "sweep.above_mist",
                format!("must keep at least {least} MIST ({SWEEP_MIN_KEEP_BUDGETS} gas budgets) for the key's own transactions"),
            ));
        }
        if self.interval_ms == 0 {
            return Err(bad("sweep.interval_ms", "must be at least 1"));
        }
        Ok(())
    }
}
