//! The material-flow graph of a map (docs/metrics.md §3): which nodes lie on material paths, in
//! which order, and how often rework makes work pass through each.
//!
//! Only material edges (`push`, `pull`, `fifo`, `shipment`) form paths; information edges never do.
//! A material cycle that is not a `rework` edge is broken at its back edge, with a warning, so the
//! graph below is always acyclic and every calculation terminates.

use std::collections::HashMap;

use vsm_model::{EdgeKind, Map};

use crate::figure::{Reason, Warning};

/// The acyclic material-flow graph of one map, over node indices of `map.nodes`.
pub struct FlowGraph {
    /// Outgoing material edges per node index (back edges of cycles removed).
    successors: Adjacency,
    /// Incoming material edges per node index (back edges of cycles removed).
    predecessors: Adjacency,
    /// Whether the node touches any material edge.
    pub on_flow: Vec<bool>,
    /// The nodes on the flow in topological order (ties in document order).
    pub order: Vec<usize>,
    /// Expected passes through each node from rework loops (1 without rework).
    pub passes: Vec<f64>,
    /// The rework loops that lie along the material flow.
    pub loops: Vec<ReworkLoop>,
    /// Why the loops cannot be computed (two of them overlap partially).
    pub loop_error: Option<Reason>,
}

/// A rework loop: the nodes between the step that redoes the work and the step that finds the
/// problem, and the chance per pass that work is sent back.
#[derive(Debug, Clone, PartialEq)]
pub struct ReworkLoop {
    /// The rework edge's id.
    pub edge: String,
    /// Node indices inside the loop, in document order.
    pub members: Vec<usize>,
    /// Chance per pass that work goes round again.
    pub probability: f64,
}

/// Adjacency lists in one flat array (compressed sparse rows): a few allocations for any map.
#[derive(Debug, Clone, Default)]
struct Adjacency {
    start: Vec<usize>,
    targets: Vec<usize>,
}

impl Adjacency {
    /// From `(from, to)` pairs over `n` nodes; each node's targets keep the pairs' order.
    fn from_pairs(n: usize, pairs: &[(usize, usize)]) -> Adjacency {
        let mut start = vec![0usize; n + 1];
        for &(from, _) in pairs {
            start[from + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut targets = vec![0usize; pairs.len()];
        for &(from, to) in pairs {
            targets[fill[from]] = to;
            fill[from] += 1;
        }
        Adjacency { start, targets }
    }

    fn of(&self, node: usize) -> &[usize] {
        &self.targets[self.start[node]..self.start[node + 1]]
    }
}

/// A fast, non-cryptographic hasher for node-id lookups (ids come from the user's own file).
#[derive(Default)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes([
                chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    /// Mixes high bits down (SplitMix64's finaliser): ids that differ only in their last
    /// characters differ only in the high bits of the state, and the table indexes by low bits.
    fn finish(&self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type IdIndex<'a> = HashMap<&'a str, usize, std::hash::BuildHasherDefault<FxHasher>>;

impl FlowGraph {
    /// Builds the graph, reporting broken cycles and rework edges that form no loop.
    pub fn build(map: &Map, warnings: &mut Vec<Warning>) -> FlowGraph {
        let n = map.nodes.len();
        let mut index = IdIndex::with_capacity_and_hasher(n, Default::default());
        for (i, node) in map.nodes.iter().enumerate() {
            index.insert(node.id.as_str(), i);
        }
        let mut on_flow = vec![false; n];
        let mut pairs = Vec::with_capacity(map.edges.len());
        for edge in map.edges.iter().filter(|edge| edge.kind.is_material()) {
            if let (Some(&from), Some(&to)) = (index.get(edge.from.as_str()), index.get(edge.to.as_str())) {
                pairs.push((from, to));
                on_flow[from] = true;
                on_flow[to] = true;
            }
        }
        let back = back_edges(map, &Adjacency::from_pairs(n, &pairs), warnings);

        if !back.is_empty() {
            pairs.retain(|pair| !back.contains(pair));
        }
        let successors = Adjacency::from_pairs(n, &pairs);
        let reversed: Vec<(usize, usize)> = pairs.iter().map(|&(from, to)| (to, from)).collect();
        let predecessors = Adjacency::from_pairs(n, &reversed);
        let order = topological_order(&successors, &predecessors, &on_flow);
        let mut graph = FlowGraph {
            successors,
            predecessors,
            on_flow,
            order,
            passes: vec![1.0; n],
            loops: Vec::new(),
            loop_error: None,
        };
        graph.apply_rework(map, &index, warnings);

        graph.check_overlaps(map, warnings);
        graph
    }

    /// Nodes one material edge downstream of `node`.
    pub fn successors(&self, node: usize) -> &[usize] {
        self.successors.of(node)
    }

    /// Nodes one material edge upstream of `node`.
    pub fn predecessors(&self, node: usize) -> &[usize] {
        self.predecessors.of(node)
    }

    /// Nodes reachable from `start` (inclusive) following `next`.
    fn reach(&self, start: usize, next: &Adjacency) -> Vec<bool> {
        let mut seen = vec![false; self.passes.len()];
        let mut stack = vec![start];
        while let Some(node) = stack.pop() {
            if !std::mem::replace(&mut seen[node], true) {
                stack.extend(next.of(node).iter().copied());
            }
        }
        seen
    }

    /// A rework edge from i back to j with probability r multiplies the expected passes of every
    /// node between j and i by 1/(1 − r) (geometric number of passes); nested loops multiply.
    fn apply_rework(&mut self, map: &Map, index: &IdIndex<'_>, warnings: &mut Vec<Warning>) {
        for edge in map.edges.iter().filter(|edge| edge.kind == EdgeKind::Rework) {
            let (Some(&finder), Some(&redoer)) = (index.get(edge.from.as_str()), index.get(edge.to.as_str()))
            else {
                continue;
            };
            let probability = edge.probability.unwrap_or(0.0);
            let downstream = self.reach(redoer, &self.successors);
            let upstream = self.reach(finder, &self.predecessors);
            if !downstream[finder] {
                warnings.push(Warning::at(
                    "rework_not_a_loop",
                    &edge.from,
                    format!(
                        "rework edge \"{}\" goes from \"{}\" to \"{}\", which is not upstream of it on the material flow; it is ignored",
                        edge.id, edge.from, edge.to
                    ),
                ));
                continue;
            }
            let factor = 1.0 / (1.0 - probability);
            let members: Vec<usize> =
                (0..self.passes.len()).filter(|&node| downstream[node] && upstream[node]).collect();
            for &node in &members {
                self.passes[node] *= factor;
            }
            self.loops.push(ReworkLoop { edge: edge.id.clone(), members, probability });
        }
    }

    /// Loops must nest or be disjoint (docs/metrics.md §4): a partial overlap has no defined
    /// number of passes, so the figures that depend on it are unavailable.
    fn check_overlaps(&mut self, map: &Map, warnings: &mut Vec<Warning>) {
        for (i, a) in self.loops.iter().enumerate() {
            for b in &self.loops[i + 1..] {
                let shared = a.members.iter().filter(|m| b.members.contains(m)).count();
                if shared > 0 && shared < a.members.len() && shared < b.members.len() {
                    let message = format!(
                        "rework loops \"{}\" and \"{}\" overlap partially; loops must nest or be separate",
                        a.edge, b.edge
                    );
                    let node = map.nodes
                        [a.members.iter().copied().find(|m| b.members.contains(m)).unwrap_or(0)]
                    .id
                    .clone();
                    warnings.push(Warning {
                        code: "overlapping_rework",
                        node: Some(node),
                        message: message.clone(),
                    });
                    self.loop_error.get_or_insert(Reason::new(message));
                }
            }
        }
    }
}

/// Depth-first search from every node in document order; an edge to a node still on the stack
/// closes a cycle: it is reported and returned as `(from, to)` to be left out.
fn back_edges(map: &Map, successors: &Adjacency, warnings: &mut Vec<Warning>) -> Vec<(usize, usize)> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        OnStack,
        Done,
    }
    let n = map.nodes.len();
    let mut state = vec![State::New; n];
    let mut back = Vec::new();
    for root in 0..n {
        if state[root] != State::New || successors.of(root).is_empty() {
            continue;
        }
        // Iterative DFS: (node, next child position).
        let mut stack = vec![(root, 0usize)];
        state[root] = State::OnStack;
        while let Some(&mut (node, ref mut child)) = stack.last_mut() {
            if let Some(&next) = successors.of(node).get(*child) {
                *child += 1;
                match state[next] {
                    State::New => {
                        state[next] = State::OnStack;
                        stack.push((next, 0));
                    }
                    State::OnStack => {
                        back.push((node, next));
                        warnings.push(Warning::at(
                            "material_cycle",
                            &map.nodes[node].id,
                            format!(
                                "material flow from \"{}\" back to \"{}\" forms a cycle; mark it as a rework edge with a probability. The cycle was broken there for the calculation",
                                map.nodes[node].id, map.nodes[next].id
                            ),
                        ));
                    }
                    State::Done => {}
                }
            } else {
                state[node] = State::Done;
                stack.pop();
            }
        }
    }
    back
}

/// Kahn's algorithm, always taking the ready node that comes first in the document.
fn topological_order(successors: &Adjacency, predecessors: &Adjacency, on_flow: &[bool]) -> Vec<usize> {
    let n = on_flow.len();
    let mut remaining: Vec<usize> = (0..n).map(|i| predecessors.of(i).len()).collect();
    let mut ready: std::collections::BinaryHeap<std::cmp::Reverse<usize>> =
        (0..n).filter(|&i| on_flow[i] && remaining[i] == 0).map(std::cmp::Reverse).collect();
    let mut order = Vec::with_capacity(n);
    while let Some(std::cmp::Reverse(node)) = ready.pop() {
        order.push(node);
        for &next in successors.of(node) {
            remaining[next] -= 1;
            if remaining[next] == 0 {
                ready.push(std::cmp::Reverse(next));
            }
        }
    }
    order
}
