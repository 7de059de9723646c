// One normalisation for what projections store and what $contains looks for: defined in the domain.
export { normalizeText } from '@dossiers/domain';
