/** signalsmith-stretch ships no types; the bench loads it only for the processor it registers in a worklet scope. */
declare module 'signalsmith-stretch';
