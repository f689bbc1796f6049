/**
 * `counter.v1.supervision.finding.changed`: a finding was raised, reported rectified, closed, sent
 * back or flagged overdue. For reports (整改率, 超期率); no personal data (no officer, no text).
 */
export const SUPERVISION_FINDING_CHANGED = 'counter.v1.supervision.finding.changed';

export interface SupervisionFindingChangedEvent {
  findingId: string;
  inspectionId: string;
  templateCode: string;
  unitCode: string;
  itemCode: string;
  status: string;
  deadline: string;
  overdue: boolean;
  version: number;
  at: string;
}
