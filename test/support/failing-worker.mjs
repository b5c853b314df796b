/**
 * A worker for the aggregator's pool that fails the way a broken worker
 * can: a batch whose first input is empty throws, others come back short.
 */
export default function failingTask({inputs}) {
  if (inputs[0]?.content === '') throw new Error('The worker crashed');
  return inputs.slice(1).map(() => ({kind: 'too-large', characters: 0}));
}
