//! The gateway's integration tests, one binary (one build, its tests run side by side): each
//! module starts a localnet, servers and a gateway on loopback and talks HTTP to it.

mod common;

mod dashboard_restart;
mod edge;
mod end_to_end;
mod grafana;
mod hostile;
mod pipes;
mod slow_clients;
mod two_gateways;
