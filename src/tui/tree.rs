//! The skill list as a tree: framework → category → subcategory → skill, with foldable groups.

use std::collections::HashMap;

use crate::data::catalog::Catalog;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub label: String,
    pub depth: u8,
    pub skills: usize,
    children: Vec<Node>,
    folded: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Node {
    Group(usize),
    Skill(usize),
}

/// One visible row of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Group { group: usize, depth: u8 },
    Skill { entry: usize, depth: u8 },
}

#[derive(Debug, Clone, Default)]
pub struct Tree {
    pub groups: Vec<Group>,
    roots: Vec<usize>,
    /// The group each group sits in, and the innermost group of each skill.
    group_parent: Vec<Option<usize>>,
    skill_parent: Vec<usize>,
    /// The rows as shown, recomputed when a group folds or opens.
    pub rows: Vec<Row>,
}

impl Tree {
    pub fn new(catalog: &Catalog) -> Tree {
        let mut tree = Tree::default();
        let mut by_key: HashMap<(usize, Option<&str>, Option<&str>), usize> = HashMap::new();
        for (entry_index, entry) in catalog.entries.iter().enumerate() {
            let skill = &entry.skill;
            let framework_key = (entry.framework, None, None);
            let mut parent = *by_key.entry(framework_key).or_insert_with(|| {
                tree.add_group(None, catalog.frameworks[entry.framework].title(), 0)
            });
            if let Some(category) = skill.category.as_deref() {
                let key = (entry.framework, Some(category), None);
                parent = *by_key
                    .entry(key)
                    .or_insert_with(|| tree.add_group(Some(parent), category.to_string(), 1));
                if let Some(subcategory) = skill.subcategory.as_deref() {
                    let key = (entry.framework, Some(category), Some(subcategory));
                    parent = *by_key.entry(key).or_insert_with(|| {
                        tree.add_group(Some(parent), subcategory.to_string(), 2)
                    });
                }
            }
            tree.groups[parent].children.push(Node::Skill(entry_index));
            tree.skill_parent.push(parent);
            let mut ancestor = Some(parent);
            while let Some(group) = ancestor {
                tree.groups[group].skills += 1;
                ancestor = tree.group_parent[group];
            }
        }
        tree.refresh_rows();
        tree
    }

    fn add_group(&mut self, parent: Option<usize>, label: String, depth: u8) -> usize {
        let id = self.groups.len();
        self.groups.push(Group {
            label,
            depth,
            skills: 0,
            children: Vec::new(),
            folded: false,
        });
        self.group_parent.push(parent);
        match parent {
            Some(p) => self.groups[p].children.push(Node::Group(id)),
            None => self.roots.push(id),
        }
        id
    }

    fn refresh_rows(&mut self) {
        let mut rows = Vec::with_capacity(self.rows.len().max(self.skill_parent.len()));
        let mut stack: Vec<Node> = self.roots.iter().rev().map(|&g| Node::Group(g)).collect();
        while let Some(node) = stack.pop() {
            match node {
                Node::Skill(entry) => {
                    let depth = self.groups[self.skill_parent[entry]].depth + 1;
                    rows.push(Row::Skill { entry, depth });
                }
                Node::Group(group) => {
                    let g = &self.groups[group];
                    rows.push(Row::Group {
                        group,
                        depth: g.depth,
                    });
                    if !g.folded {
                        stack.extend(g.children.iter().rev());
                    }
                }
            }
        }
        self.rows = rows;
    }

    pub fn is_folded(&self, group: usize) -> bool {
        self.groups[group].folded
    }

    pub fn toggle(&mut self, group: usize) {
        self.groups[group].folded = !self.groups[group].folded;
        self.refresh_rows();
    }

    /// Folds every group, or opens every group when all are folded.
    pub fn toggle_all(&mut self) {
        let fold = !self.groups.iter().all(|g| g.folded);
        self.groups.iter_mut().for_each(|g| g.folded = fold);
        self.refresh_rows();
    }

    /// The row showing a skill, opening its groups if they are folded.
    pub fn reveal(&mut self, entry: usize) -> Option<usize> {
        let mut ancestor = self.skill_parent.get(entry).copied();
        let mut changed = false;
        while let Some(group) = ancestor {
            if self.groups[group].folded {
                self.groups[group].folded = false;
                changed = true;
            }
            ancestor = self.group_parent[group];
        }
        if changed {
            self.refresh_rows();
        }
        self.rows
            .iter()
            .position(|row| matches!(row, Row::Skill { entry: e, .. } if *e == entry))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::sources::{load_catalog, SourceSelection};

    fn tree() -> Tree {
        Tree::new(&load_catalog(&SourceSelection {
            built_in: true,
            ..Default::default()
        }))
    }

    #[test]
    fn skills_are_grouped_by_framework_category_and_subcategory() {
        let tree = tree();
        let labels: Vec<String> = tree
            .rows
            .iter()
            .map(|row| match row {
                Row::Group { group, depth } => format!(
                    "{}{}",
                    " ".repeat(*depth as usize),
                    tree.groups[*group].label
                ),
                Row::Skill { entry, depth } => format!("{}#{entry}", " ".repeat(*depth as usize)),
            })
            .collect();
        assert_eq!(
            labels,
            [
                "SFIA 8",
                " Development and implementation",
                "  Systems development",
                "   #0",
                "SFIA 9",
                " Delivery and operation",
                "  Technology management",
                "   #1",
                "Proposed skills",
                " Change and Transformation",
                "  Software Life-Cycle Optimization",
                "   #2",
            ]
        );
        assert_eq!(tree.groups[0].skills, 1);
    }

    #[test]
    fn folding_hides_children_and_reveal_opens_them() {
        let mut tree = tree();
        tree.toggle(0);
        assert_eq!(tree.rows.len(), 9, "SFIA 8 folded into its heading");
        assert_eq!(tree.reveal(0), Some(3));
        assert_eq!(tree.rows.len(), 12);
        tree.toggle_all();
        assert_eq!(tree.rows.len(), 3, "one heading per framework");
        tree.toggle_all();
        assert_eq!(tree.rows.len(), 12);
    }
}
