/** signalsmith-stretch ships no types; outside a worklet it is loaded only for the processor it registers in a stand-in worklet scope (stretch-run.ts). */
declare module 'signalsmith-stretch';
