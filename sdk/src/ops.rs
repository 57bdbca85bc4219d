//! Every function of the dtp package as a typed method: each is one line over [`Client::call`]
//! with the function's typed call from `dtp_protocol::calls` (the one description of the
//! package), so a method cannot drift from the Move signature without failing to compile.

use dtp_protocol::calls::{
    AddEndpoint, Cancel, Claim, Complete, CreateHost, CreatePipe, DrainSelf, Heartbeat, PurgeDead,
    Redrive, Release, RemoveEndpoint, ResumeSelf, Send, SetConfig, SetPolicy, SetState, Takeover,
    UpdateEndpoint,
};
use dtp_protocol::{EndpointArgs, Event, HostConfig, Policy};
use sui_sdk_types::Address;

pub use crate::call::{clock, Objects, STORAGE_MIST_PER_BYTE};
use crate::client::{Client, CreatedKind, Outcome};
use crate::error::{Error, Result};

impl Client {
    /// Creates a Host (shared) and its HostCap (sent to the signer): returns (host, cap).
    pub async fn create_host(
        &self,
        label: &str,
        config: &HostConfig,
    ) -> Result<(Address, Address)> {
        let call = CreateHost {
            label: label.into(),
            config: *config,
        };
        let o = self.call(Objects::default(), call).await?;
        // The Host is the one shared object it creates, the HostCap the one it gives the sender.
        let host = o
            .first_created(CreatedKind::Shared)
            .ok_or_else(|| Error::Invalid("create_host created no Host".into()))?;
        let cap = o
            .first_created(CreatedKind::OwnedBy(self.address()?))
            .ok_or_else(|| Error::Invalid("create_host created no HostCap".into()))?;
        Ok((host, cap))
    }

    /// Adds an endpoint to `host` (admin).
    pub async fn add_endpoint(
        &self,
        host: Address,
        cap: Address,
        args: &EndpointArgs,
    ) -> Result<Outcome> {
        let call = AddEndpoint {
            endpoint: args.clone(),
        };
        self.call(Objects::admin(host, cap), call).await
    }

    /// Changes an endpoint's label, region, weight, cap and role (admin).
    pub async fn update_endpoint(
        &self,
        host: Address,
        cap: Address,
        args: &EndpointArgs,
    ) -> Result<Outcome> {
        let call = UpdateEndpoint {
            endpoint: args.clone(),
        };
        self.call(Objects::admin(host, cap), call).await
    }

    /// Sets an endpoint's state: `STATE_UP`, `STATE_DRAINING` or `STATE_DISABLED` (admin).
    pub async fn set_state(
        &self,
        host: Address,
        cap: Address,
        server: Address,
        state: u8,
    ) -> Result<Outcome> {
        let call = SetState { server, state };
        self.call(Objects::admin(host, cap), call).await
    }

    /// Removes an endpoint that holds no work (admin).
    pub async fn remove_endpoint(
        &self,
        host: Address,
        cap: Address,
        server: Address,
    ) -> Result<Outcome> {
        let call = RemoveEndpoint { server };
        self.call(Objects::admin(host, cap), call).await
    }

    /// Replaces the Host's configuration (admin).
    pub async fn set_config(
        &self,
        host: Address,
        cap: Address,
        config: &HostConfig,
    ) -> Result<Outcome> {
        let call = SetConfig { config: *config };
        self.call(Objects::admin(host, cap), call).await
    }

    /// The signer's endpoint reports itself alive (`ready` or not) with its `load`.
    pub async fn heartbeat(&self, host: Address, ready: bool, load: u32) -> Result<Outcome> {
        self.call(Objects::host(host), Heartbeat { ready, load })
            .await
    }

    /// The signer's endpoint stops taking new work.
    pub async fn drain_self(&self, host: Address) -> Result<Outcome> {
        self.call(Objects::host(host), DrainSelf {}).await
    }

    /// The signer's endpoint takes new work again.
    pub async fn resume_self(&self, host: Address) -> Result<Outcome> {
        self.call(Objects::host(host), ResumeSelf {}).await
    }

    /// Creates a Pipe on `host` (admin): returns its id.
    pub async fn create_pipe(
        &self,
        host: Address,
        cap: Address,
        label: &str,
        policy: Policy,
    ) -> Result<Address> {
        let call = CreatePipe {
            label: label.into(),
            policy: policy as u8,
        };
        let o = self.call(Objects::admin(host, cap), call).await?;
        o.first_created(CreatedKind::Shared)
            .ok_or_else(|| Error::Invalid("create_pipe created no Pipe".into()))
    }

    /// Changes a Pipe's selection policy (admin).
    pub async fn set_policy(
        &self,
        pipe: Address,
        host: Address,
        cap: Address,
        policy: Policy,
    ) -> Result<Outcome> {
        let call = SetPolicy {
            policy: policy as u8,
        };
        self.call(Objects::pipe_admin(pipe, host, cap), call).await
    }

    /// Sends a request; returns its `Assigned` event (seq, server, attempt, deadline).
    pub async fn send(
        &self,
        pipe: Address,
        host: Address,
        payload: Vec<u8>,
        key: Vec<u8>,
        region: &str,
    ) -> Result<dtp_protocol::events::Assigned> {
        let call = Send {
            payload,
            key,
            region: region.into(),
        };
        let o = self.call(Objects::pipe(pipe, host), call).await?;
        o.events
            .into_iter()
            .find_map(|e| match e {
                Event::Assigned(a) => Some(a),
                _ => None,
            })
            .ok_or_else(|| Error::Invalid("send emitted no Assigned event".into()))
    }

    /// Withdraws a request of the signer's that nobody has claimed.
    pub async fn cancel(&self, pipe: Address, seq: u64) -> Result<Outcome> {
        let objs = Objects {
            pipe: Some(pipe),
            ..Default::default()
        };
        self.call(objs, Cancel { seq }).await
    }

    /// Claims (or extends) the signer's lease on request `seq` of `attempt`.
    pub async fn claim(
        &self,
        pipe: Address,
        host: Address,
        seq: u64,
        attempt: u32,
    ) -> Result<Outcome> {
        self.call(Objects::pipe(pipe, host), Claim { seq, attempt })
            .await
    }

    /// Answers request `seq` (fenced by `attempt`): `ok` and the response bytes.
    pub async fn complete(
        &self,
        pipe: Address,
        host: Address,
        seq: u64,
        attempt: u32,
        ok: bool,
        response: Vec<u8>,
    ) -> Result<Outcome> {
        let call = Complete {
            seq,
            attempt,
            ok,
            response,
        };
        self.call(Objects::pipe(pipe, host), call).await
    }

    /// Gives request `seq` back to be reassigned.
    pub async fn release(
        &self,
        pipe: Address,
        host: Address,
        seq: u64,
        attempt: u32,
    ) -> Result<Outcome> {
        self.call(Objects::pipe(pipe, host), Release { seq, attempt })
            .await
    }

    /// Takes over request `seq`, whose lease expired.
    pub async fn takeover(&self, pipe: Address, host: Address, seq: u64) -> Result<Outcome> {
        self.call(Objects::pipe(pipe, host), Takeover { seq }).await
    }

    /// Sends dead-lettered request `seq` round again (admin).
    pub async fn redrive(
        &self,
        pipe: Address,
        host: Address,
        cap: Address,
        seq: u64,
    ) -> Result<Outcome> {
        self.call(Objects::pipe_admin(pipe, host, cap), Redrive { seq })
            .await
    }

    /// Deletes dead-lettered request `seq` (admin).
    pub async fn purge_dead(
        &self,
        pipe: Address,
        host: Address,
        cap: Address,
        seq: u64,
    ) -> Result<Outcome> {
        self.call(Objects::pipe_admin(pipe, host, cap), PurgeDead { seq })
            .await
    }
}
