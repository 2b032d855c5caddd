/**
 * The inspector: the fields of the selected node or edge, or the map's settings (title, calendar,
 * demand) when nothing is selected. A committed field (Enter or leaving it) is one change batch;
 * what the model refuses is shown next to the field and never reaches the document.
 */
import { createContext, useContext, useEffect, useState } from "react";
import { NODE_FIELDS, type Change, type Distribution, type Edge, type Map, type MapReport, type Node, type Provenance, type Value } from "../bindings";
import { KIND_LABELS } from "../canvas/newNode";
import { useAppState, type AppStore } from "../store/appStore";
import type { DurationUnit } from "../format/unitChoice";
import { displayValue, fieldInfo, parseInput, unitLabel } from "./fields";
import { WasteEditor } from "./WasteEditor";

/** The duration unit the inputs show and read. */
const UnitContext = createContext<DurationUnit>("auto");

function FieldInput({
  id,
  field,
  value,
  problem,
  onCommit,
  provenance,
  onProvenance,
}: {
  id: string;
  field: string;
  value: Value | undefined;
  problem: string | null;
  onCommit: (value: Value) => void;
  /** Where the number came from, for numbers that record it. */
  provenance?: Provenance;
  onProvenance?: (provenance: Provenance) => void;
}) {
  const info = fieldInfo(field);
  const unit = useContext(UnitContext);
  const shown = displayValue(info, value, unit);
  const [draft, setDraft] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  // A new value from the document (or another unit) replaces the draft and its error.
  const [showing, setShowing] = useState(shown);
  if (shown !== showing) {
    setShowing(shown);
    setDraft(shown);
    setError(null);
  }
  const inputId = `field-${id}-${field}`;
  if (info.type === "boolean") {
    return (
      <label className="field field--boolean">
        <input id={inputId} type="checkbox" checked={value === true} onChange={(e) => onCommit(e.target.checked ? true : null)} />
        {info.label}
      </label>
    );
  }
  const commit = () => {
    if (draft === shown) return;
    const parsed = parseInput(info, draft, unit);
    if ("error" in parsed) setError(parsed.error);
    else {
      setError(null);
      onCommit(parsed.value);
    }
  };
  const message = error ?? problem;
  return (
    <div className={`field${message ? " has-error" : ""}`}>
      <label htmlFor={inputId}>{info.label}</label>
      <div className="field__input">
        <input
          id={inputId}
          data-testid={`inspector-${field}`}
          value={draft}
          inputMode={info.type === "text" ? "text" : "decimal"}
          aria-invalid={message ? true : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit();
            if (e.key === "Escape") setDraft(shown);
          }}
        />
        {/* An empty unit keeps its place when a provenance menu follows, so the menus line up. */}
        {(unitLabel(info, unit) || onProvenance) && <span className="field__unit">{unitLabel(info, unit)}</span>}
        {onProvenance && (
          <select
            className={`field__provenance is-${provenance ?? "measured"}`}
            aria-label={`Where ${info.label} comes from`}
            title="Measured, estimated or imported"
            data-testid={`provenance-${field}`}
            value={provenance ?? "measured"}
            onChange={(e) => onProvenance(e.target.value as Provenance)}
          >
            <option value="measured">measured</option>
            <option value="estimated">estimated</option>
            <option value="imported">imported</option>
          </select>
        )}
      </div>
      {message && <div className="field__error">{message}</div>}
    </div>
  );
}

/** The model's refusal for `field`, when the last problem points at it. */
function useFieldProblem(store: AppStore): (field: string) => string | null {
  const problem = useAppState(store, (s) => s.problem);
  return (field) => {
    if (!problem || problem.code !== "invalid") return null;
    const line = problem.message.split("\n").find((l) => l.includes(`/${field}:`) || l.includes(`/${field}/`));
    return line ? line.slice(line.indexOf(": ") + 2) : null;
  };
}

function NodeInspector({ store, node }: { store: AppStore; node: Node }) {
  const problemFor = useFieldProblem(store);
  const set = (field: string, value: Value) => void store.apply([{ op: "update_node", id: node.id, set: { [field]: value } } satisfies Change]);
  const record = node as unknown as Record<string, Value | undefined>;
  return (
    <>
      <h2 className="inspector__title">{KIND_LABELS[node.kind]}</h2>
      <FieldInput id={node.id} field="name" value={node.name ?? ""} problem={problemFor("name")} onCommit={(v) => set("name", v ?? "")} />
      {NODE_FIELDS[node.kind]
        .filter((field) => field !== "variability" && field !== "provenance" && field !== "waste")
        .map((field) => (
          <FieldInput
            key={field}
            id={node.id}
            field={field}
            value={record[field]}
            problem={problemFor(field)}
            onCommit={(v) => set(field, v)}
            provenance={node.provenance?.[field]}
            onProvenance={MEASURABLE.includes(field) ? (p) => set("provenance", withProvenance(node, field, p)) : undefined}
          />
        ))}
      {(NODE_FIELDS[node.kind] as readonly string[]).includes("variability") && (
        <VariabilityEditor node={node} problem={problemFor("variability")} onCommit={(v) => set("variability", v)} />
      )}
      {(NODE_FIELDS[node.kind] as readonly string[]).includes("waste") && (
        <WasteEditor id={node.id} waste={node.waste} problem={problemFor("waste")} onCommit={(v) => set("waste", v)} />
      )}
      <p className="inspector__id">id: {node.id}</p>
    </>
  );
}

/** Numbers whose provenance is recorded (the model's MEASURABLE_FIELDS). */
const MEASURABLE = [
  "cycle_time_s", "changeover_s", "uptime", "operators", "shifts", "parallel", "epe_days", "scrap",
  "changeovers_per_shift", "process_time_s", "lead_time_s", "pca", "quantity", "duration_days", "wait_s",
];

/** The node's provenance map with `field` set; measured (the default) is not written. */
export function withProvenance(node: Node, field: string, provenance: Provenance): Value {
  const next: Record<string, Provenance> = { ...(node.provenance ?? {}) };
  if (provenance === "measured") delete next[field];
  else next[field] = provenance;
  return Object.keys(next).length > 0 ? next : null;
}

const DISTRIBUTIONS: { value: "" | Distribution; label: string }[] = [
  { value: "", label: "single value" },
  { value: "uniform", label: "range (uniform)" },
  { value: "triangular", label: "triangular" },
  { value: "pert", label: "PERT" },
];

/**
 * How the step's or wait's time varies, for the Monte Carlo: a distribution and its min, most
 * likely and max times. Committed whole, as one change.
 */
function VariabilityEditor({ node, problem, onCommit }: { node: Node; problem: string | null; onCommit: (value: Value) => void }) {
  const current = node.variability ?? null;
  const base = node.lead_time_s ?? node.cycle_time_s ?? node.wait_s ?? 3600;
  const choose = (distribution: "" | Distribution) => {
    if (distribution === "") return onCommit(null);
    const min = current?.min_s ?? base * 0.5;
    const max = current?.max_s ?? base * 2;
    const mode = distribution === "uniform" ? null : (current?.mode_s ?? Math.min(Math.max(base, min), max));
    onCommit({ distribution, min_s: min, ...(mode === null ? {} : { mode_s: mode }), max_s: max });
  };
  const setBound = (key: "min_s" | "mode_s" | "max_s") => (value: Value) => {
    if (!current || typeof value !== "number") return;
    onCommit({ ...current, [key]: value });
  };
  return (
    <div className="variability">
      <h3 className="inspector__section">Variability</h3>
      <div className="field">
        <label htmlFor={`variability-${node.id}`}>Distribution</label>
        <select id={`variability-${node.id}`} value={current?.distribution ?? ""} onChange={(e) => choose(e.target.value as "" | Distribution)}>
          {DISTRIBUTIONS.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
      {current && (
        <>
          <FieldInput id={node.id} field="min_s" value={current.min_s} problem={null} onCommit={setBound("min_s")} />
          {current.distribution !== "uniform" && (
            <FieldInput id={node.id} field="mode_s" value={current.mode_s ?? null} problem={null} onCommit={setBound("mode_s")} />
          )}
          <FieldInput id={node.id} field="max_s" value={current.max_s} problem={null} onCommit={setBound("max_s")} />
        </>
      )}
      {problem && <div className="field__error">{problem}</div>}
    </div>
  );
}

/** Operators needed and balance of the selected processes, computed by the core for this cell. */
function CellBalance({ store, mapId, cell, revision }: { store: AppStore; mapId: string; cell: string[]; revision: number }) {
  const [report, setReport] = useState<MapReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = cell.join("\u0000");
  useEffect(() => {
    let current = true;
    store.backend.cellMetrics(mapId, key.split("\u0000")).then(
      (result) => current && (setReport(result), setError(null)),
      (failure: unknown) => current && (setReport(null), setError(failure instanceof Error ? failure.message : String(failure))),
    );
    return () => {
      current = false;
    };
  }, [store, mapId, key, revision]);
  const figure = (value: number | null, reason: string | null | undefined, format: (v: number) => string) =>
    value === null ? <span title={reason ?? undefined}>—</span> : <strong>{format(value)}</strong>;
  return (
    <section className="cell" data-testid="cell-balance">
      <h3 className="inspector__section">Cell of {cell.length} process{cell.length === 1 ? "" : "es"}</h3>
      {error && <p className="field__error">{error}</p>}
      {report && (
        <dl className="cell__figures">
          <dt>Operators needed</dt>
          <dd>
            {figure(report.operators_needed, report.operators_needed_reason, (n) => n.toFixed(2))}
            {report.operators_needed_rounded !== null && <> → {report.operators_needed_rounded}</>}
          </dd>
          <dt>Takt utilisation</dt>
          <dd>{figure(report.takt_utilisation, report.takt_utilisation_reason, (v) => `${Math.round(v * 100)} %`)}</dd>
          <dt>Balance</dt>
          <dd>{figure(report.balance_efficiency, report.balance_efficiency_reason, (v) => `${Math.round(v * 100)} %`)}</dd>
        </dl>
      )}
    </section>
  );
}

const EDGE_KINDS: Edge["kind"][] = ["push", "pull", "fifo", "shipment", "info_manual", "info_electronic", "kanban", "rework"];

function EdgeInspector({ store, edge }: { store: AppStore; edge: Edge }) {
  const problemFor = useFieldProblem(store);
  const set = (fields: Record<string, Value>) => void store.apply([{ op: "update_edge", id: edge.id, set: fields }]);
  return (
    <>
      <h2 className="inspector__title">Arrow</h2>
      <div className="field">
        <label htmlFor={`edge-kind-${edge.id}`}>Kind</label>
        <select
          id={`edge-kind-${edge.id}`}
          value={edge.kind}
          onChange={(e) => {
            const kind = e.target.value as Edge["kind"];
            set(kind === "rework" ? { kind, probability: edge.probability ?? 0.1 } : { kind, probability: null });
          }}
        >
          {EDGE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kind.replace("_", " ")}
            </option>
          ))}
        </select>
      </div>
      {edge.kind === "rework" && (
        <FieldInput id={edge.id} field="probability" value={edge.probability} problem={problemFor("probability")} onCommit={(v) => set({ probability: v })} />
      )}
      <p className="inspector__id">
        {edge.from} → {edge.to}
      </p>
    </>
  );
}

function MapInspector({ store, map }: { store: AppStore; map: Map }) {
  const problemFor = useFieldProblem(store);
  const setMap = (fields: Record<string, Value>) => void store.apply([{ op: "update_map", set: fields }]);
  const calendar = (map.calendar ?? {}) as Record<string, Value | undefined>;
  const demand = (map.demand ?? {}) as Record<string, Value | undefined>;
  return (
    <>
      <h2 className="inspector__title">Map</h2>
      <FieldInput id={map.id} field="title" value={map.title ?? ""} problem={problemFor("title")} onCommit={(v) => setMap({ title: v ?? "" })} />
      <h3 className="inspector__section">Calendar</h3>
      {["shift_s", "breaks_s", "shifts_per_day"].map((field) => (
        <FieldInput
          key={field}
          id={map.id}
          field={field}
          value={calendar[field]}
          problem={problemFor(field)}
          onCommit={(v) => setMap({ calendar: map.calendar || field === "shift_s" ? { [field]: v } : { shift_s: 28800, [field]: v } })}
        />
      ))}
      <div className="field">
        <label htmlFor={`day-basis-${map.id}`}>A day is</label>
        <select
          id={`day-basis-${map.id}`}
          value={map.calendar?.day_basis ?? "calendar"}
          disabled={!map.calendar}
          onChange={(e) => setMap({ calendar: { day_basis: e.target.value } })}
        >
          <option value="calendar">24 hours (calendar day)</option>
          <option value="working">the working time of a day</option>
        </select>
      </div>
      <h3 className="inspector__section">Customer demand</h3>
      <FieldInput
        id={map.id}
        field="quantity"
        value={demand.quantity}
        problem={problemFor("quantity")}
        onCommit={(v) => setMap({ demand: map.demand ? { quantity: v } : { quantity: v, per: "day" } })}
      />
      <div className="field">
        <label htmlFor={`demand-per-${map.id}`}>Per</label>
        <select
          id={`demand-per-${map.id}`}
          value={map.demand?.per ?? "day"}
          disabled={!map.demand}
          onChange={(e) => setMap({ demand: { per: e.target.value } })}
        >
          {["day", "week", "month", "year"].map((per) => (
            <option key={per}>{per}</option>
          ))}
        </select>
      </div>
      {map.demand && map.demand.per !== "day" && (
        <FieldInput
          id={map.id}
          field="working_days_per_period"
          value={demand.working_days_per_period}
          problem={problemFor("working_days_per_period")}
          onCommit={(v) => setMap({ demand: { working_days_per_period: v } })}
        />
      )}
      {map.demand && (
        <>
          <FieldInput id={map.id} field="unit" value={demand.unit} problem={problemFor("unit")} onCommit={(v) => setMap({ demand: { unit: v } })} />
          <FieldInput
            id={map.id}
            field="pack_quantity"
            value={demand.pack_quantity}
            problem={problemFor("pack_quantity")}
            onCommit={(v) => setMap({ demand: { pack_quantity: v } })}
          />
        </>
      )}
    </>
  );
}

export function Inspector({ store }: { store: AppStore }) {
  const selection = useAppState(store, (s) => s.selection);
  const unit = useAppState(store, (s) => s.unit);
  const revision = useAppState(store, (s) => s.doc?.revision ?? 0);
  const map = store.activeMap();
  let content: React.ReactNode = null;
  if (map && selection.nodes.length === 1 && selection.edges.length === 0) {
    const node = map.nodes.find((n) => n.id === selection.nodes[0]);
    if (node) content = <NodeInspector key={node.id} store={store} node={node} />;
  } else if (map && selection.edges.length === 1 && selection.nodes.length === 0) {
    const edge = map.edges.find((e) => e.id === selection.edges[0]);
    if (edge) content = <EdgeInspector key={edge.id} store={store} edge={edge} />;
  } else if (map && selection.nodes.length + selection.edges.length > 1) {
    const processes = selection.nodes.filter((id) => map.nodes.some((n) => n.id === id && n.kind === "process"));
    content = (
      <>
        <p className="inspector__hint">{selection.nodes.length + selection.edges.length} elements selected</p>
        {processes.length > 0 && <CellBalance store={store} mapId={map.id} cell={processes} revision={revision} />}
      </>
    );
  } else if (map) {
    content = <MapInspector key={map.id} store={store} map={map} />;
  }
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector">
      <UnitContext.Provider value={unit}>{content}</UnitContext.Provider>
    </aside>
  );
}
