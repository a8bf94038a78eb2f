import { has, useCan, type Granted } from '../permissions';

/** Who runs what-if simulations. */
export const canSimulate = (granted: Granted): boolean => has(granted, 'SIMULATE');

export const useCanSimulate = (): boolean => useCan()('SIMULATE');
