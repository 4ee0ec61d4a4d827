//! Small components: they take `PartialEq` props, render, and emit callbacks.

pub mod catalog_list;
