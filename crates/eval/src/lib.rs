//! Evaluation metrics for Attaché.
//!
//! Each module scores one part of the pipeline against a reference set. The
//! datasets live outside the repository; the `attache eval` commands take a
//! path to them.
#![deny(missing_docs)]
