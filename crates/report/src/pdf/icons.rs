//! The official AWS icons the canvas draws, as vector shapes for the diagram. The shapes come
//! from the npm package `aws-icons` that the UI bundles, flattened to polygons by
//! `tools/icons/generate_pdf_icons.py` into `aws_icons.txt`, which is compiled in: rendering
//! reads no file.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::pdf::canvas::Canvas;
use crate::pdf::text::Colour;

const SOURCE: &str = include_str!("aws_icons.txt");

/// One filled path of an icon, in units of the icon's width.
struct IconPath {
    fill: Colour,
    even_odd: bool,
    rings: Vec<Vec<(f32, f32)>>,
}

struct Icons {
    /// The icon name of each element key (`component:rds`).
    kinds: HashMap<&'static str, &'static str>,
    shapes: HashMap<&'static str, Vec<IconPath>>,
}

fn hex(text: &str) -> Option<Colour> {
    let value = u32::from_str_radix(text, 16).ok()?;
    let channel = |shift: u32| ((value >> shift) & 0xff) as f32 / 255.0;
    Some((channel(16), channel(8), channel(0)))
}

fn parse_path(rest: &str) -> Option<IconPath> {
    let mut fields = rest.splitn(3, ' ');
    let fill = hex(fields.next()?)?;
    let even_odd = fields.next()? == "evenodd";
    let rings = fields
        .next()?
        .split(';')
        .map(|ring| {
            ring.split(' ')
                .filter_map(|pair| {
                    let (x, y) = pair.split_once(',')?;
                    Some((
                        x.parse::<f32>().ok()? / 1000.0,
                        y.parse::<f32>().ok()? / 1000.0,
                    ))
                })
                .collect()
        })
        .collect();
    Some(IconPath {
        fill,
        even_odd,
        rings,
    })
}

fn icons() -> &'static Icons {
    static ICONS: OnceLock<Icons> = OnceLock::new();
    ICONS.get_or_init(|| {
        let mut icons = Icons {
            kinds: HashMap::new(),
            shapes: HashMap::new(),
        };
        let mut current: Option<&str> = None;
        for line in SOURCE.lines() {
            let (tag, rest) = line.split_once(' ').unwrap_or((line, ""));
            match tag {
                "kind" => {
                    if let Some((key, name)) = rest.split_once(' ') {
                        icons.kinds.insert(key, name);
                    }
                }
                "icon" => current = Some(rest),
                "path" => {
                    if let (Some(name), Some(path)) = (current, parse_path(rest)) {
                        icons.shapes.entry(name).or_default().push(path);
                    }
                }
                _ => {}
            }
        }
        icons
    })
}

/// Draws the icon of `key` as a square `size` points wide with its top-left corner at `(x, y)`;
/// returns false, drawing nothing, when there is no icon for the key.
pub fn draw_icon(canvas: &mut Canvas, key: &str, x: f32, y: f32, size: f32) -> bool {
    let icons = icons();
    let Some(paths) = icons.kinds.get(key).and_then(|name| icons.shapes.get(name)) else {
        return false;
    };
    for path in paths {
        let rings: Vec<Vec<(f32, f32)>> = path
            .rings
            .iter()
            .map(|ring| {
                ring.iter()
                    .map(|&(u, v)| (x + u * size, y + v * size))
                    .collect()
            })
            .collect();
        canvas.shape(&rings, path.fill, path.even_odd);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use zta_model::component_kind::CATALOG;

    fn has_icon(key: &str) -> bool {
        let icons = icons();
        icons
            .kinds
            .get(key)
            .is_some_and(|name| icons.shapes.contains_key(name))
    }

    /// Every component kind has its icon here, and so do the other elements: icons.ts maps
    /// every kind (TypeScript checks that its records are complete) and
    /// `generate_pdf_icons.py --check` keeps this file in step with it.
    #[test]
    fn every_kind_has_its_icon() {
        let mut keys: Vec<String> = CATALOG
            .iter()
            .map(|info| format!("component:{}", info.kind.as_str()))
            .collect();
        keys.extend(
            [
                "identity:iam_role",
                "identity:cognito_user_pool",
                "actor:customer",
                "actor:partner",
                "segment:account",
                "segment:vpc",
                "segment:internet",
                "subnet:public",
                "subnet:isolated",
            ]
            .map(String::from),
        );
        let missing: Vec<&String> = keys.iter().filter(|key| !has_icon(key)).collect();
        assert!(missing.is_empty(), "no icon for {missing:?}");
    }

    #[test]
    fn draws_an_icon_as_filled_shapes() {
        let mut canvas = Canvas::new(100.0);
        assert!(draw_icon(&mut canvas, "component:rds", 10.0, 10.0, 20.0));
        assert!(!canvas.ops.is_empty());
        assert!(!draw_icon(
            &mut canvas,
            "component:no_such_kind",
            0.0,
            0.0,
            20.0
        ));
    }
}
