/** An analyte a clinic added to its lab catalogue; `definition_json` is core's `CustomAnalyte`. */
export interface LabAnalyteTable {
  clinic_id: string;
  analyte_id: string;
  definition_json: string;
  created_by: string | null;
  created_at: string;
}

/** A co-intervention (psychotherapy, counselling …); `record_json` is core's `CoIntervention`. */
export interface CoInterventionTable {
  id: string;
  clinic_id: string;
  patient_id: string;
  record_json: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ClinicalRecordsTables {
  lab_analytes: LabAnalyteTable;
  co_interventions: CoInterventionTable;
}
