// Lays out a hand-written built-in process with bpmn-auto-layout (npm install bpmn-auto-layout@1.3.0 next to this file).
// The files have no <bpmn:incoming>/<bpmn:outgoing>, which the layout follows, so they are wired from the flows first.
import { layoutProcess } from 'bpmn-auto-layout';
import { BpmnModdle } from 'bpmn-moddle';
import fs from 'fs';
const [file, outFile] = process.argv.slice(2);
const xml = fs.readFileSync(file, 'utf8');
const moddle = new BpmnModdle();
const { rootElement } = await moddle.fromXML(xml);
function wire(container) {
  for (const e of container.flowElements || []) {
    if (e.$type === 'bpmn:SequenceFlow') {
      const s = e.sourceRef, t = e.targetRef;
      (s.outgoing = s.outgoing || []).push(e);
      (t.incoming = t.incoming || []).push(e);
    }
    if (e.flowElements) wire(e);
  }
}
for (const r of rootElement.rootElements) if (r.flowElements) wire(r);
const { xml: wired } = await moddle.toXML(rootElement, { format: true });
const out = await layoutProcess(wired);
fs.writeFileSync(outFile, out);
