/**
 * The bottom dock under the canvas (docs/ui.md): timeline ladder, cycle time against takt,
 * operator balance, Monte Carlo distribution, and the warnings list, one tab at a time.
 */
import { useEffect, useRef, useState } from "react";
import { useReactFlow } from "@xyflow/react";
import { dayLengthS } from "../format/units";
import { useAppState, type AppStore } from "../store/appStore";
import { BalanceChart, TaktChart } from "./Charts";
import { Ladder } from "./Ladder";
import { MonteCarloPanel } from "./MonteCarloPanel";

type Tab = "timeline" | "takt" | "balance" | "montecarlo" | "warnings";

export function Dock({ store }: { store: AppStore }) {
  const [tab, setTab] = useState<Tab>("timeline");
  const doc = useAppState(store, (s) => s.doc);
  const activeMapId = useAppState(store, (s) => s.activeMapId);
  const unit = useAppState(store, (s) => s.unit);
  const flow = useReactFlow();
  const body = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const element = body.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    setWidth(element.clientWidth || 800);
    return () => observer.disconnect();
  }, []);
  const map = doc?.document.maps.find((m) => m.id === activeMapId) ?? doc?.document.maps[0];
  const report = doc?.metrics.maps.find((m) => m.id === map?.id);
  const warnings = report?.warnings ?? [];
  const tabs: [Tab, string][] = [
    ["timeline", "Timeline"],
    ["takt", "C/T vs takt"],
    ["balance", "Operator balance"],
    ["montecarlo", "Monte Carlo"],
    ["warnings", `Warnings (${warnings.length})`],
  ];
  const selectNode = (id: string | null) => {
    if (!id) return;
    store.select({ nodes: [id], edges: [] });
    const node = flow.getInternalNode(id);
    if (node) {
      const { x, y } = node.internals.positionAbsolute;
      void flow.setCenter(x + (node.measured.width ?? 0) / 2, y + (node.measured.height ?? 0) / 2, { zoom: Math.max(flow.getZoom(), 0.8), duration: 250 });
    }
  };
  return (
    <section className="dock" aria-label="Charts and warnings">
      <div className="dock__tabs" role="tablist">
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={`dock__tab${tab === id ? " is-active" : ""}${id === "warnings" && warnings.length ? " has-warnings" : ""}`}
            data-testid={`dock-tab-${id}`}
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="dock__body" ref={body}>
        {map && report && tab === "timeline" && <Ladder report={report} nodes={map.nodes} unit={unit} width={width} />}
        {map && report && tab === "takt" && <TaktChart report={report} nodes={map.nodes} unit={unit} />}
        {map && report && tab === "balance" && <BalanceChart report={report} nodes={map.nodes} unit={unit} />}
        {map && tab === "montecarlo" && doc && <MonteCarloPanel store={store} mapId={map.id} revision={doc.revision} dayS={report ? dayLengthS(report) : 86400} />}
        {tab === "warnings" &&
          (warnings.length === 0 ? (
            <p className="dock__empty">No warnings: every number on this map could be computed as entered.</p>
          ) : (
            <ul className="warnings" data-testid="warnings-list">
              {warnings.map((warning, i) => (
                <li key={`${warning.code}-${i}`}>
                  <button type="button" className="warnings__item" disabled={!warning.node} onClick={() => selectNode(warning.node)}>
                    <span className="warnings__code">{warning.code.replaceAll("_", " ")}</span> {warning.message}
                  </button>
                </li>
              ))}
            </ul>
          ))}
      </div>
    </section>
  );
}
