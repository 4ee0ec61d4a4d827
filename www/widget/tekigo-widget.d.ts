// Types for <tekigo-checker>, the tekigo widget. Import the module for its side effect:
//   import './tekigo/widget/tekigo-widget.js';
// and `document.querySelector('tekigo-checker')` is typed.

/** A published tekigo assessment (see schema/assessment.schema.json in the tekigo sources). */
export interface TekigoAssessment {
  format: 'tekigo-assessment';
  schemaVersion: number;
  id: string;
  catalog: { id: string; hash: string };
  subject: { product: string; applicant: string; date: string };
  parties: { id: string; role: 'vendor' | 'iaas' | 'hospital' | 'si'; name?: string }[];
  documents: { id: string; title: string; url: string; disclosure: 'public' | 'nda' }[];
  answers: Record<string, TekigoAnswer>;
  publication?: { publishedAt: string; publisher?: string };
  [field: string]: unknown;
}

export interface TekigoAnswer {
  status?: string;
  parties?: string[];
  statement?: string;
  evidence?: { document: string; location: string; effective?: string; expires?: string }[];
  disclosure?: 'public' | 'nda';
  certificationInference?: string;
  hospitalActions?: string;
  fields?: Record<string, string>;
  [field: string]: unknown;
}

export interface TekigoCheckerElement extends HTMLElement {
  /** The published answers shown now; null before any are shown. */
  readonly assessment: TekigoAssessment | null;
  /** Shows published answers given as an object or JSON text, with their catalog's address. */
  load(answers: TekigoAssessment | string, catalogUrl?: string): Promise<void>;
}

export interface TekigoCheckerEventMap {
  /** Answers are shown; detail: the assessment's id. */
  'tekigo-load': CustomEvent<string>;
  /** Nothing can be shown; detail: the reason in English. */
  'tekigo-error': CustomEvent<string>;
  /** The hospital started its own check; detail: the name of the file offered. */
  'tekigo-start-own-check': CustomEvent<string>;
}

declare global {
  interface HTMLElementTagNameMap {
    'tekigo-checker': TekigoCheckerElement;
  }
  interface HTMLElementEventMap extends TekigoCheckerEventMap {}
}
