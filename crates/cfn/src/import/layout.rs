//! A first layout for an imported design, so it reads well on the canvas at once: segments as
//! nested frames (subnets side by side in tier order inside their VPC, VPCs stacked inside the
//! account), components ordered by their distance from the internet so flows mostly run left
//! to right, outside zones on the left and identities in a row below.
//!
//! Positions are relative to the parent segment's box, as the canvas expects.

use std::collections::{BTreeMap, HashMap, VecDeque};

use zta_model::{Category, Design, Layout, NodeBox, SegmentKind, Tier};

const NODE_WIDTH: f64 = 180.0;
const NODE_HEIGHT: f64 = 80.0;
const PADDING: f64 = 30.0;
const HEADER: f64 = 40.0;
const GAP: f64 = 40.0;
const COLUMNS: usize = 3;

pub(super) fn lay_out(design: &Design) -> Layout {
    let ranks = ranks(design);
    let mut layout = Layout::default();
    let mut sizes: HashMap<String, (f64, f64)> = HashMap::new();
    let roots: Vec<&zta_model::Segment> = design
        .segments
        .iter()
        .filter(|segment| segment.parent.is_none())
        .collect();
    for root in &roots {
        size_of(design, &root.id, &ranks, &mut sizes, &mut layout, 0);
    }
    let mut outside_y = 0.0;
    let mut x = 0.0_f64;
    let outside: Vec<&&zta_model::Segment> = roots
        .iter()
        .filter(|segment| !segment.kind.is_aws())
        .collect();
    let mut outside_width: f64 = 0.0;
    for segment in &outside {
        let (width, height) = sizes[&segment.id];
        layout
            .nodes
            .insert(segment.id.clone(), boxed(0.0, outside_y, width, height));
        outside_y += height + GAP;
        outside_width = outside_width.max(width);
    }
    for (index, actor) in design.actors.iter().enumerate() {
        layout.nodes.insert(
            actor.id.clone(),
            point(0.0, outside_y + index as f64 * (NODE_HEIGHT + GAP)),
        );
        outside_width = outside_width.max(NODE_WIDTH);
    }
    if outside_width > 0.0 {
        x = outside_width + GAP * 2.0;
    }
    let mut y = 0.0_f64;
    for segment in roots.iter().filter(|segment| segment.kind.is_aws()) {
        let (width, height) = sizes[&segment.id];
        layout
            .nodes
            .insert(segment.id.clone(), boxed(x, y, width, height));
        y += height + GAP;
    }
    for (index, identity) in design.identities.iter().enumerate() {
        let column = index % 6;
        let row = index / 6;
        layout.nodes.insert(
            identity.id.clone(),
            point(
                x + column as f64 * (NODE_WIDTH + GAP),
                y + row as f64 * (NODE_HEIGHT + GAP),
            ),
        );
    }
    layout
}

fn boxed(x: f64, y: f64, width: f64, height: f64) -> NodeBox {
    NodeBox {
        x,
        y,
        width: Some(width),
        height: Some(height),
    }
}

fn point(x: f64, y: f64) -> NodeBox {
    NodeBox {
        x,
        y,
        width: None,
        height: None,
    }
}

/// Lays out a segment's contents and returns its size.
fn size_of(
    design: &Design,
    id: &str,
    ranks: &HashMap<String, usize>,
    sizes: &mut HashMap<String, (f64, f64)>,
    layout: &mut Layout,
    depth: usize,
) -> (f64, f64) {
    if let Some(size) = sizes.get(id) {
        return *size;
    }
    if depth > 16 {
        return (NODE_WIDTH, NODE_HEIGHT);
    }
    let mut children: Vec<&zta_model::Segment> = design
        .segments
        .iter()
        .filter(|segment| segment.parent.as_deref() == Some(id))
        .collect();
    children.sort_by_key(|segment| {
        (
            segment.kind != SegmentKind::Vpc,
            tier_order(segment.tier),
            segment.id.clone(),
        )
    });
    let mut components: Vec<&zta_model::Component> = design
        .components
        .iter()
        .filter(|component| component.segment == id)
        .collect();
    components.sort_by_key(|component| {
        (
            ranks.get(&component.id).copied().unwrap_or(usize::MAX),
            component.id.clone(),
        )
    });
    let kind = design.segment(id).map(|segment| segment.kind);
    // Components first, in a grid at the top of the frame.
    let columns = COLUMNS.min(components.len()).max(1);
    for (index, component) in components.iter().enumerate() {
        let column = index % columns;
        let row = index / columns;
        layout.nodes.insert(
            component.id.clone(),
            point(
                PADDING + column as f64 * (NODE_WIDTH + GAP),
                HEADER + row as f64 * (NODE_HEIGHT + GAP),
            ),
        );
    }
    let rows = components.len().div_ceil(columns);
    let grid_width = if components.is_empty() {
        0.0
    } else {
        columns as f64 * (NODE_WIDTH + GAP) - GAP
    };
    let grid_height = if components.is_empty() {
        0.0
    } else {
        rows as f64 * (NODE_HEIGHT + GAP)
    };
    // Child segments below: side by side inside a VPC (subnets by tier), stacked elsewhere.
    let side_by_side = kind == Some(SegmentKind::Vpc);
    let mut cursor_x = PADDING;
    let mut cursor_y = HEADER + grid_height;
    let mut inner_width = grid_width;
    let mut inner_height = grid_height;
    let mut row_height: f64 = 0.0;
    for child in children {
        let (width, height) = size_of(design, &child.id, ranks, sizes, layout, depth + 1);
        layout
            .nodes
            .insert(child.id.clone(), boxed(cursor_x, cursor_y, width, height));
        if side_by_side {
            cursor_x += width + GAP;
            row_height = row_height.max(height);
            inner_width = inner_width.max(cursor_x - GAP - PADDING);
            inner_height = inner_height.max(grid_height + row_height);
        } else {
            cursor_y += height + GAP;
            inner_width = inner_width.max(width);
            inner_height = cursor_y - HEADER - GAP;
        }
    }
    let size = (
        (inner_width + 2.0 * PADDING).max(NODE_WIDTH + 2.0 * PADDING),
        (HEADER + inner_height + PADDING).max(NODE_HEIGHT + HEADER),
    );
    sizes.insert(id.to_owned(), size);
    size
}

fn tier_order(tier: Option<Tier>) -> u8 {
    match tier {
        Some(Tier::Public) => 0,
        Some(Tier::Private) => 1,
        Some(Tier::Isolated) => 2,
        None => 3,
    }
}

/// How many flows away from the outside each component is (breadth first from the internet and
/// outside zones); unreached components rank by their palette group.
fn ranks(design: &Design) -> HashMap<String, usize> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for flow in &design.flows {
        next.entry(flow.source.as_str())
            .or_default()
            .push(flow.target.as_str());
    }
    let mut ranks: HashMap<String, usize> = HashMap::new();
    let mut queue: VecDeque<(&str, usize)> = design
        .segments
        .iter()
        .filter(|segment| !segment.kind.is_aws())
        .map(|segment| (segment.id.as_str(), 0))
        .collect();
    while let Some((id, rank)) = queue.pop_front() {
        for target in next.get(id).into_iter().flatten() {
            if !ranks.contains_key(*target) {
                ranks.insert((*target).to_owned(), rank + 1);
                queue.push_back((target, rank + 1));
            }
        }
    }
    for component in &design.components {
        ranks.entry(component.id.clone()).or_insert_with(|| {
            10 + match component.kind.info().category {
                Category::Network => 0,
                Category::Edge => 1,
                Category::Compute => 2,
                Category::Data => 3,
                Category::SecurityMonitoring => 4,
            }
        });
    }
    ranks
}
