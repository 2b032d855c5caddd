//! The material-flow graph of a map (docs/metrics.md §3): which nodes lie on material paths, in
//! which order, and how often rework makes work pass through each.
//!
//! Only material edges (`push`, `pull`, `fifo`, `shipment`) form paths; information edges never do.
//! A material cycle that is not a `rework` edge is broken at its back edge, with a warning, so the
//! graph below is always acyclic and every calculation terminates.

use std::collections::HashMap;

use vsm_model::{EdgeKind, Map};

use crate::figure::Warning;

/// The acyclic material-flow graph of one map, over node indices of `map.nodes`.
pub struct FlowGraph {
    /// Outgoing material edges per node index (back edges of cycles removed).
    pub successors: Vec<Vec<usize>>,
    /// Incoming material edges per node index (back edges of cycles removed).
    pub predecessors: Vec<Vec<usize>>,
    /// Whether the node touches any material edge.
    pub on_flow: Vec<bool>,
    /// The nodes on the flow in topological order (ties in document order).
    pub order: Vec<usize>,
    /// Expected passes through each node from rework loops (1 without rework).
    pub passes: Vec<f64>,
}

impl FlowGraph {
    /// Builds the graph, reporting broken cycles and rework edges that form no loop.
    pub fn build(map: &Map, warnings: &mut Vec<Warning>) -> FlowGraph {
        let n = map.nodes.len();
        let index: HashMap<&str, usize> =
            map.nodes.iter().enumerate().map(|(i, node)| (node.id.as_str(), i)).collect();
        let mut successors = vec![Vec::new(); n];
        let mut on_flow = vec![false; n];
        for edge in map.edges.iter().filter(|edge| edge.kind.is_material()) {
            if let (Some(&from), Some(&to)) = (index.get(edge.from.as_str()), index.get(edge.to.as_str())) {
                successors[from].push(to);
                on_flow[from] = true;
                on_flow[to] = true;
            }
        }
        remove_back_edges(map, &mut successors, warnings);
        let mut predecessors = vec![Vec::new(); n];
        for (from, targets) in successors.iter().enumerate() {
            for &to in targets {
                predecessors[to].push(from);
            }
        }
        let order = topological_order(&successors, &predecessors, &on_flow);
        let mut graph = FlowGraph { successors, predecessors, on_flow, order, passes: vec![1.0; n] };
        graph.apply_rework(map, &index, warnings);
        graph
    }

    /// Nodes reachable from `start` (inclusive) following `next`.
    fn reach(&self, start: usize, next: &[Vec<usize>]) -> Vec<bool> {
        let mut seen = vec![false; next.len()];
        let mut stack = vec![start];
        while let Some(node) = stack.pop() {
            if !std::mem::replace(&mut seen[node], true) {
                stack.extend(next[node].iter().copied());
            }
        }
        seen
    }

    /// A rework edge from i back to j with probability r multiplies the expected passes of every
    /// node between j and i by 1/(1 − r) (geometric number of passes); nested loops multiply.
    fn apply_rework(&mut self, map: &Map, index: &HashMap<&str, usize>, warnings: &mut Vec<Warning>) {
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
            for node in 0..self.passes.len() {
                if downstream[node] && upstream[node] {
                    self.passes[node] *= factor;
                }
            }
        }
    }
}

/// Depth-first search from every node in document order; an edge to a node still on the stack
/// closes a cycle and is removed.
fn remove_back_edges(map: &Map, successors: &mut [Vec<usize>], warnings: &mut Vec<Warning>) {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        OnStack,
        Done,
    }
    let n = successors.len();
    let mut state = vec![State::New; n];
    for root in 0..n {
        if state[root] != State::New {
            continue;
        }
        // Iterative DFS: (node, next child position).
        let mut stack = vec![(root, 0usize)];
        state[root] = State::OnStack;
        while let Some(&mut (node, ref mut child)) = stack.last_mut() {
            if *child < successors[node].len() {
                let next = successors[node][*child];
                match state[next] {
                    State::New => {
                        *child += 1;
                        state[next] = State::OnStack;
                        stack.push((next, 0));
                    }
                    State::OnStack => {
                        successors[node].remove(*child);
                        warnings.push(Warning::at(
                            "material_cycle",
                            &map.nodes[node].id,
                            format!(
                                "material flow from \"{}\" back to \"{}\" forms a cycle; mark it as a rework edge with a probability. The cycle was broken there for the calculation",
                                map.nodes[node].id, map.nodes[next].id
                            ),
                        ));
                    }
                    State::Done => *child += 1,
                }
            } else {
                state[node] = State::Done;
                stack.pop();
            }
        }
    }
}

/// Kahn's algorithm, always taking the ready node that comes first in the document.
fn topological_order(successors: &[Vec<usize>], predecessors: &[Vec<usize>], on_flow: &[bool]) -> Vec<usize> {
    let mut remaining: Vec<usize> = predecessors.iter().map(Vec::len).collect();
    let mut ready: std::collections::BTreeSet<usize> =
        (0..successors.len()).filter(|&i| on_flow[i] && remaining[i] == 0).collect();
    let mut order = Vec::new();
    while let Some(node) = ready.pop_first() {
        order.push(node);
        for &next in &successors[node] {
            remaining[next] -= 1;
            if remaining[next] == 0 {
                ready.insert(next);
            }
        }
    }
    order
}
