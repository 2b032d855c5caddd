/**
 * The process box with its data box (Learning to See): name in a header band, the operator
 * symbol with the head count, and the data rows — C/T, C/O, uptime, shifts, EPE for
 * manufacturing; PT, LT, %C/A for office and DevOps steps. Over-takt and bottleneck marks come
 * from the metrics.
 */
import { memo } from "react";
import type { NodeProps } from "@xyflow/react";
import type { Node, Provenance } from "../../bindings";
import { Operator } from "../../symbols";
import { formatDuration, formatPercent, formatQuantity } from "../../format/units";
import type { DurationUnit } from "../../format/unitChoice";
import type { VsmFlowNode } from "../toFlow";
import { useZoomedOut } from "../zoom";
import { Handles } from "./Handles";
import { dataRowFields, processBodyHeight, type DataRowField } from "./sizes";

type Row = [label: string, value: string, provenance: Provenance];

/** How each data-box row is labelled and written. */
const ROWS: Record<DataRowField, { label: string; format: (value: number, unit: DurationUnit) => string }> = {
  process_time_s: { label: "PT", format: formatDuration },
  lead_time_s: { label: "LT", format: formatDuration },
  pca: { label: "%C/A", format: formatPercent },
  cycle_time_s: { label: "C/T", format: formatDuration },
  changeover_s: { label: "C/O", format: formatDuration },
  uptime: { label: "Uptime", format: formatPercent },
  shifts: { label: "Shifts", format: formatQuantity },
  epe_days: { label: "EPE", format: (days) => `${formatQuantity(days)} d` },
  scrap: { label: "Scrap", format: formatPercent },
};

/** The data-box rows of a process (which ones: sizes.ts's `dataRowFields`). */
export function dataRows(node: Node, unit: DurationUnit = "auto"): Row[] {
  return dataRowFields(node).map((field) => {
    const { label, format } = ROWS[field];
    const value = node[field];
    return [label, value != null ? format(value, unit) : "—", node.provenance?.[field] ?? "measured"];
  });
}

function ProcessNodeView({ data, selected }: NodeProps<VsmFlowNode>) {
  const { node, step, bottleneck, unit } = data;
  const simplified = useZoomedOut();
  const overTakt = step?.over_takt === true;
  const classes = ["vsm-process", node.shared ? "is-shared" : "", overTakt ? "is-over-takt" : "", bottleneck ? "is-bottleneck" : "", selected ? "is-selected" : ""];
  const header = (
    <div className="vsm-process__header">
      <span className="vsm-process__name">{node.name || node.id}</span>
    </div>
  );
  if (simplified) {
    // Zoomed out: the box, its name and its marks keep their size; the data rows are not drawn.
    return (
      <div className={[...classes, "is-simplified"].filter(Boolean).join(" ")} data-testid={`process-${node.id}`}>
        <Handles />
        {header}
        <div className="vsm-process__rows" style={{ height: processBodyHeight(node) }} />
      </div>
    );
  }
  return (
    <div className={classes.filter(Boolean).join(" ")} data-testid={`process-${node.id}`}>
      <Handles />
      {header}
      <div className="vsm-process__body">
        {node.operators != null && node.operators > 0 && (
          <span className="vsm-process__operators" title={`${node.operators} operator(s)`}>
            <Operator width={16} />
            {formatQuantity(node.operators)}
          </span>
        )}
        {node.automated && <span className="vsm-process__tag">auto</span>}
      </div>
      <table className="vsm-databox">
        <tbody>
          {dataRows(node, unit).map(([label, value, provenance]) => (
            <tr key={label} className={`is-${provenance}`} title={provenance === "measured" ? undefined : `${label} is ${provenance}`}>
              <th scope="row">{label}</th>
              <td>{provenance === "estimated" ? `~${value}` : value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(overTakt || bottleneck) && (
        <div className="vsm-process__marks">
          {bottleneck && <span className="vsm-mark vsm-mark--bottleneck">Bottleneck</span>}
          {overTakt && <span className="vsm-mark vsm-mark--takt">Over takt</span>}
        </div>
      )}
    </div>
  );
}

export const ProcessNode = memo(ProcessNodeView);
