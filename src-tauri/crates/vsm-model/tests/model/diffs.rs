//! The diff used for undo: applying `diff(a, b)` to `a` gives `b`, for any sequence of edits.

use super::*;
use proptest::prelude::*;

fn assert_diff_reproduces(from: &Document, to: &Document) {
    let batches = diff(from, to);
    let rebuilt =
        apply_all(from, &batches).unwrap_or_else(|e| panic!("diff does not apply: {e}\n{batches:#?}"));
    assert_eq!(&rebuilt, to, "diff {batches:#?}");
    let back = apply_all(to, &diff(to, from)).expect("reverse applies");
    assert_eq!(&back, from);
}

#[test]
fn equal_documents_have_an_empty_diff() {
    assert!(diff(&acme(), &acme()).is_empty());
}

#[test]
fn a_removed_node_comes_back_in_place_with_its_edges() {
    let from = acme();
    let to = apply(&from, &batch(r#"{"changes":[{"op":"remove_node","id":"weld-1"}]}"#)).expect("");
    assert_diff_reproduces(&from, &to);
}

#[test]
fn maps_added_and_removed() {
    let from = acme();
    let mut to = from.clone();
    let mut other = Map::new("other");
    other.nodes.push(Node::new("n", NodeKind::Note));
    to.maps.insert(0, other);
    to.maps.remove(1);
    assert_diff_reproduces(&from, &to);
}

/// One random edit of the Acme map, as a mutation of the document.
#[derive(Debug, Clone)]
enum Edit {
    Move(usize, f64, f64),
    SetCycleTime(usize, f64),
    ClearUptime(usize),
    Remove(usize),
    AddNote(usize),
    AddEdge(usize, usize),
    RemoveEdge(usize),
    Rename(String),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..40usize, -500.0..500.0f64, -500.0..500.0f64).prop_map(|(i, x, y)| Edit::Move(i, x, y)),
        (0..40usize, 0.5..100.0f64).prop_map(|(i, c)| Edit::SetCycleTime(i, c)),
        (0..40usize).prop_map(Edit::ClearUptime),
        (0..40usize).prop_map(Edit::Remove),
        (0..40usize).prop_map(Edit::AddNote),
        (0..40usize, 0..40usize).prop_map(|(a, b)| Edit::AddEdge(a, b)),
        (0..40usize).prop_map(Edit::RemoveEdge),
        "[a-zé ]{0,8}".prop_map(Edit::Rename),
    ]
}

fn perform(document: &mut Document, edit: &Edit, serial: usize) {
    let map = &mut document.maps[0];
    let nodes = map.nodes.len();
    match edit.clone() {
        Edit::Move(i, x, y) if nodes > 0 => {
            map.nodes[i % nodes].x = x;
            map.nodes[i % nodes].y = y;
        }
        Edit::SetCycleTime(i, c) if nodes > 0 && map.nodes[i % nodes].kind == NodeKind::Process => {
            map.nodes[i % nodes].cycle_time_s = Some(c);
        }
        Edit::ClearUptime(i) if nodes > 0 => map.nodes[i % nodes].uptime = None,
        Edit::Remove(i) if nodes > 0 => {
            let id = map.nodes.remove(i % nodes).id;
            map.edges.retain(|e| e.from != id && e.to != id);
            for node in &mut map.nodes {
                if node.target.as_deref() == Some(id.as_str()) {
                    node.target = None;
                }
            }
        }
        Edit::AddNote(i) => {
            let mut note = Node::new(format!("note-{serial}"), NodeKind::Note);
            note.text = Some("added".into());
            map.nodes.insert(i % (nodes + 1), note);
        }
        Edit::AddEdge(a, b) if nodes > 1 && a % nodes != b % nodes => {
            let (from, to) = (map.nodes[a % nodes].id.clone(), map.nodes[b % nodes].id.clone());
            let at = a % (map.edges.len() + 1);
            map.edges.insert(at, Edge::new(format!("edge-{serial}"), from, to, EdgeKind::Push));
        }
        Edit::RemoveEdge(i) if !map.edges.is_empty() => {
            let at = i % map.edges.len();
            map.edges.remove(at);
        }
        Edit::Rename(title) => map.title = title,
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn diff_then_apply_reproduces_any_edit_sequence(edits in proptest::collection::vec(edit(), 1..12)) {
        let from = acme();
        let mut to = from.clone();
        for (serial, edit) in edits.iter().enumerate() {
            perform(&mut to, edit, serial);
        }
        vsm_model::validate::document(&to).expect("edits keep the document valid");
        assert_diff_reproduces(&from, &to);
    }
}
