//! The ordered mapping every template value uses.
//!
//! Almost every mapping a template holds is small: a tag is two keys, a statement four or five,
//! a resource's Metadata one. A hash map would give each of them a table of its own, a second
//! allocation to make, touch and free; this one keeps its entries in one vector and searches it
//! in order. A mapping of [`INDEXED_FROM`] keys or more (a template's `Mappings`, a large
//! `Properties`) also keeps a hash index of its keys, so that no lookup, and no file read with
//! many keys, turns quadratic.

use std::fmt;
use std::hash::BuildHasher;

use hashbrown::HashTable;

use crate::value::{KeyHashing, Text, Value};

/// The number of keys from which a mapping keeps an index.
const INDEXED_FROM: usize = 9;

/// An ordered mapping with string keys, as every CloudFormation mapping is. Two mappings are
/// equal when they hold the same keys with equal values, in whatever order.
#[derive(Clone, Default)]
pub struct Map {
    entries: Vec<(Text, Value)>,
    /// The position of each key, by its hash; kept only from [`INDEXED_FROM`] keys on.
    index: Option<Box<HashTable<usize>>>,
}

fn hash_of(key: &str) -> u64 {
    KeyHashing.hash_one(key)
}

impl Map {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            entries: Vec::with_capacity(capacity),
            index: None,
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The position of a key.
    pub fn get_index_of(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index
                .find(hash_of(key), |&position| self.entries[position].0 == *key)
                .copied(),
            None => self.entries.iter().position(|(name, _)| name == key),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.get_index_of(key)
            .map(|position| &self.entries[position].1)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.get_index_of(key)
            .map(|position| &mut self.entries[position].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get_index_of(key).is_some()
    }

    /// The entry at a position.
    pub fn get_index(&self, position: usize) -> Option<(&Text, &Value)> {
        self.entries.get(position).map(|(key, value)| (key, value))
    }

    /// Sets a key's value, keeping its place when it is already there (and handing back the
    /// value it had), else adding it at the end.
    pub fn insert(&mut self, key: Text, value: Value) -> Option<Value> {
        match self.get_index_of(&key) {
            Some(position) => Some(std::mem::replace(&mut self.entries[position].1, value)),
            None => {
                self.push(key, value);
                None
            }
        }
    }

    /// Adds a key that is not there yet.
    fn push(&mut self, key: Text, value: Value) {
        let position = self.entries.len();
        if let Some(index) = &mut self.index {
            let entries = &self.entries;
            index.insert_unique(hash_of(&key), position, |&at| hash_of(&entries[at].0));
        }
        self.entries.push((key, value));
        if self.index.is_none() && self.entries.len() >= INDEXED_FROM {
            self.reindex();
        }
    }

    /// Builds the index again from the entries (after a removal moved them).
    fn reindex(&mut self) {
        if self.entries.len() < INDEXED_FROM {
            self.index = None;
            return;
        }
        let mut index = HashTable::with_capacity(self.entries.len());
        for (position, (key, _)) in self.entries.iter().enumerate() {
            let entries = &self.entries;
            index.insert_unique(hash_of(key), position, |&at| hash_of(&entries[at].0));
        }
        self.index = Some(Box::new(index));
    }

    /// The entry of a key, to read its value or add one where the key is not there yet.
    pub fn entry(&mut self, key: Text) -> Entry<'_> {
        Entry { map: self, key }
    }

    /// Removes a key, keeping the order of the others.
    pub fn shift_remove(&mut self, key: &str) -> Option<Value> {
        let position = self.get_index_of(key)?;
        let (_, value) = self.entries.remove(position);
        self.reindex();
        Some(value)
    }

    /// Removes the last entry.
    pub fn pop(&mut self) -> Option<(Text, Value)> {
        let last = self.entries.pop()?;
        if let Some(index) = &mut self.index {
            let position = self.entries.len();
            if let Ok(found) = index.find_entry(hash_of(&last.0), |&at| at == position) {
                found.remove();
            }
        }
        Some(last)
    }

    /// Keeps the entries for which `keep` holds, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&Text, &mut Value) -> bool) {
        let before = self.entries.len();
        self.entries.retain_mut(|(key, value)| keep(key, value));
        if self.entries.len() != before {
            self.reindex();
        }
    }

    pub fn iter(&self) -> Iter<'_> {
        self.entries.iter().map(|(key, value)| (key, value))
    }

    pub fn iter_mut(&mut self) -> IterMut<'_> {
        self.entries.iter_mut().map(|(key, value)| (&*key, value))
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &Text> + ExactSizeIterator {
        self.entries.iter().map(|(key, _)| key)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Value> + ExactSizeIterator {
        self.entries.iter().map(|(_, value)| value)
    }

    pub fn into_values(self) -> impl DoubleEndedIterator<Item = Value> + ExactSizeIterator {
        self.entries.into_iter().map(|(_, value)| value)
    }

    pub fn values_mut(
        &mut self,
    ) -> impl DoubleEndedIterator<Item = &mut Value> + ExactSizeIterator {
        self.entries.iter_mut().map(|(_, value)| value)
    }
}

/// A key of a [`Map`], there or not yet.
pub struct Entry<'a> {
    map: &'a mut Map,
    key: Text,
}

impl<'a> Entry<'a> {
    pub fn or_insert(self, value: Value) -> &'a mut Value {
        self.or_insert_with(|| value)
    }

    pub fn or_insert_with(self, make: impl FnOnce() -> Value) -> &'a mut Value {
        let position = match self.map.get_index_of(&self.key) {
            Some(position) => position,
            None => {
                self.map.push(self.key, make());
                self.map.entries.len() - 1
            }
        };
        &mut self.map.entries[position].1
    }
}

pub type Iter<'a> = std::iter::Map<
    std::slice::Iter<'a, (Text, Value)>,
    fn(&'a (Text, Value)) -> (&'a Text, &'a Value),
>;

pub type IterMut<'a> = std::iter::Map<
    std::slice::IterMut<'a, (Text, Value)>,
    fn(&'a mut (Text, Value)) -> (&'a Text, &'a mut Value),
>;

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a Text, &'a Value);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl<'a> IntoIterator for &'a mut Map {
    type Item = (&'a Text, &'a mut Value);
    type IntoIter = IterMut<'a>;

    fn into_iter(self) -> IterMut<'a> {
        self.iter_mut()
    }
}

impl IntoIterator for Map {
    type Item = (Text, Value);
    type IntoIter = std::vec::IntoIter<(Text, Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl Extend<(Text, Value)> for Map {
    fn extend<I: IntoIterator<Item = (Text, Value)>>(&mut self, entries: I) {
        let entries = entries.into_iter();
        // Exactly the room the entries need: most mappings are built once and never grow.
        self.entries.reserve_exact(entries.size_hint().0);
        for (key, value) in entries {
            self.insert(key, value);
        }
    }
}

impl FromIterator<(Text, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (Text, Value)>>(entries: I) -> Self {
        let mut map = Map::new();
        map.extend(entries);
        map
    }
}

impl<const N: usize> From<[(Text, Value); N]> for Map {
    fn from(entries: [(Text, Value); N]) -> Self {
        entries.into_iter().collect()
    }
}

impl std::ops::Index<&str> for Map {
    type Output = Value;

    fn index(&self, key: &str) -> &Value {
        self.get(key)
            .unwrap_or_else(|| panic!("the mapping has no key `{key}`"))
    }
}

impl std::ops::IndexMut<&str> for Map {
    fn index_mut(&mut self, key: &str) -> &mut Value {
        self.get_mut(key)
            .unwrap_or_else(|| panic!("the mapping has no key `{key}`"))
    }
}

impl PartialEq for Map {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .all(|(key, value)| other.get(key).is_some_and(|theirs| theirs == value))
    }
}

impl fmt::Debug for Map {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use indexmap::IndexMap;
    use proptest::prelude::*;

    use super::*;
    use crate::value::Number;

    /// What a test does to a mapping.
    #[derive(Debug, Clone)]
    enum Step {
        Insert(u8, i64),
        Remove(u8),
        Pop,
        RetainEven,
        OrInsert(u8, i64),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            4 => (0..24_u8, any::<i64>()).prop_map(|(key, value)| Step::Insert(key, value)),
            1 => (0..24_u8).prop_map(Step::Remove),
            1 => Just(Step::Pop),
            1 => Just(Step::RetainEven),
            2 => (0..24_u8, any::<i64>()).prop_map(|(key, value)| Step::OrInsert(key, value)),
        ]
    }

    fn key(number: u8) -> Text {
        format!("k{number}").into()
    }

    proptest! {
        /// The mapping behaves as an `IndexMap` does, below and above the size from which it
        /// keeps an index, through insertions, removals and retains.
        #[test]
        fn behaves_as_an_index_map(steps in proptest::collection::vec(step(), 0..120)) {
            let mut map = Map::new();
            let mut model: IndexMap<Text, Value> = IndexMap::new();
            for step in steps {
                match step {
                    Step::Insert(number, value) => {
                        prop_assert_eq!(
                            map.insert(key(number), Value::from(value)),
                            model.insert(key(number), Value::from(value))
                        );
                    }
                    Step::Remove(number) => {
                        prop_assert_eq!(
                            map.shift_remove(&key(number)),
                            model.shift_remove(key(number).as_str())
                        );
                    }
                    Step::Pop => prop_assert_eq!(map.pop(), model.pop()),
                    Step::RetainEven => {
                        let even = |value: &Value| value.as_number().and_then(Number::as_i64).is_some_and(|number| number % 2 == 0);
                        map.retain(|_, value| even(value));
                        model.retain(|_, value| even(value));
                    }
                    Step::OrInsert(number, value) => {
                        let ours = map.entry(key(number)).or_insert(Value::from(value)).clone();
                        let theirs = model.entry(key(number)).or_insert(Value::from(value)).clone();
                        prop_assert_eq!(ours, theirs);
                    }
                }
                let ours: Vec<_> = map.iter().collect();
                let theirs: Vec<_> = model.iter().collect();
                prop_assert_eq!(ours, theirs);
                for number in 0..24 {
                    prop_assert_eq!(map.get(&key(number)), model.get(key(number).as_str()));
                }
            }
        }
    }

    #[test]
    fn equal_mappings_may_hold_their_keys_in_another_order() {
        let one: Map = [
            ("a".into(), Value::from(1_i64)),
            ("b".into(), Value::from(2_i64)),
        ]
        .into();
        let other: Map = [
            ("b".into(), Value::from(2_i64)),
            ("a".into(), Value::from(1_i64)),
        ]
        .into();
        assert_eq!(one, other);
        let different: Map = [("a".into(), Value::from(1_i64))].into();
        assert_ne!(one, different);
    }
}
