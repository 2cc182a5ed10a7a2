// Loaded with --import: SIGUSR1 starts sampling every allocation site (objects already collected
// included), SIGUSR2 writes /tmp/diagnose-heap.heapprofile and exits.
import fs from 'node:fs';
import inspector from 'node:inspector';

const session = new inspector.Session();
session.connect();
session.post('HeapProfiler.enable');
process.on('SIGUSR1', () => {
  session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
});
process.on('SIGUSR2', () => {
  session.post('HeapProfiler.stopSampling', (error, result) => {
    if (error) throw error;
    fs.writeFileSync('/tmp/diagnose-heap.heapprofile', JSON.stringify(result.profile));
    process.exit(0);
  });
});
