//! One budget of work for each load of a template: what YAML aliases, `Fn::ForEach` loops and
//! the resolution of `Sub`, `Join` and parameter defaults produce is charged to it, in bytes,
//! together with a small charge for each value visited. A small file can otherwise ask for
//! gigabytes (an anchored string aliased thousands of times, loops nested in loops, a large
//! default copied into every `Sub`) or for endless work (conditions that refer to each other
//! twice at every level); with one budget, the sum of all of them is bounded, and the load
//! stops with the position of the value that spent the last of it.

use std::cell::{Cell, RefCell};

use crate::error::{Error, Result};
use crate::value::{Location, Value, ValueKind};

/// What a value costs beyond its text: the node itself, so that many empty values cost too.
pub const NODE_COST: usize = 16;

/// Most resources and outputs that `Fn::ForEach` loops may unroll into in one load, nested loops'
/// intermediate copies included. CloudFormation accepts at most 500 resources and 200 outputs in
/// a processed template, so ten thousand leaves room for any template that deploys; without a
/// count, five nested loops of 40 names unroll into a hundred million small entries, each cheap
/// in bytes, and the byte budget alone lets millions of them through before it runs out.
pub const MAX_LOOP_ENTRIES: usize = 10_000;

/// The work one load of a template may do; see the module documentation.
#[derive(Debug)]
pub struct Budget {
    limit: usize,
    spent: Cell<usize>,
    /// Where the budget ran out, first time only.
    overrun: RefCell<Option<(String, Location)>>,
    /// Entries `Fn::ForEach` loops have unrolled into so far (see [`MAX_LOOP_ENTRIES`]).
    loop_entries: Cell<usize>,
}

impl Budget {
    /// A budget of `limit` bytes of work.
    pub fn new(limit: usize) -> Self {
        Self {
            limit,
            spent: Cell::new(0),
            overrun: RefCell::new(None),
            loop_entries: Cell::new(0),
        }
    }

    /// Counts `entries` more unrolled from the `Fn::ForEach` loop at `location` of `origin`;
    /// an error naming the loop once the load's loops together pass [`MAX_LOOP_ENTRIES`].
    pub fn count_loop_entries(
        &self,
        entries: usize,
        origin: &str,
        location: Option<Location>,
    ) -> Result<()> {
        let total = self.loop_entries.get().saturating_add(entries);
        self.loop_entries.set(total);
        if total <= MAX_LOOP_ENTRIES {
            return Ok(());
        }
        Err(Error::LoopLimit {
            origin: origin.to_owned(),
            location: location.unwrap_or(Location::new(1, 1)),
            limit: MAX_LOOP_ENTRIES,
        })
    }

    /// Charges `bytes` for work at `location` of `origin`; `false` once the budget is spent,
    /// when the caller stops producing and [`Budget::check`] reports where it ran out.
    pub fn charge(&self, bytes: usize, origin: &str, location: Option<Location>) -> bool {
        let spent = self.spent.get().saturating_add(bytes);
        self.spent.set(spent);
        if spent <= self.limit {
            return true;
        }
        let mut overrun = self.overrun.borrow_mut();
        if overrun.is_none() {
            *overrun = Some((origin.to_owned(), location.unwrap_or(Location::new(1, 1))));
        }
        false
    }

    /// Whether the budget has run out.
    pub fn exhausted(&self) -> bool {
        self.spent.get() > self.limit
    }

    /// The error for a spent budget, naming where it ran out; `Ok` while there is budget left.
    pub fn check(&self) -> Result<()> {
        match self.overrun.borrow().as_ref() {
            Some((origin, location)) => Err(Error::WorkLimit {
                origin: origin.clone(),
                location: *location,
                limit: self.limit,
            }),
            None => Ok(()),
        }
    }

    /// Bytes of work done so far.
    pub fn spent(&self) -> usize {
        self.spent.get()
    }
}

/// What a value tree costs: the bytes of its text and keys, and [`NODE_COST`] per value.
pub fn value_cost(value: &Value) -> usize {
    NODE_COST.saturating_add(match &value.kind {
        ValueKind::String(text) => text.len(),
        ValueKind::Number(number) => number.as_str().len(),
        ValueKind::List(items) => items.iter().map(value_cost).fold(0, usize::saturating_add),
        ValueKind::Map(map) => map
            .iter()
            .map(|(key, value)| key.len().saturating_add(value_cost(value)))
            .fold(0, usize::saturating_add),
        ValueKind::Intrinsic(intrinsic) => value_cost(&intrinsic.argument),
        ValueKind::Tagged { tag, value } => tag.len().saturating_add(value_cost(value)),
        ValueKind::Null | ValueKind::Bool(_) => 0,
    })
}
