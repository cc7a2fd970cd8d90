# Appends the diagram bpmn-auto-layout produced (layout.mjs) to a built-in process, leaving every other byte as written.
# Usage, from a directory with `npm install bpmn-auto-layout@1.3.0`:
#   node layout.mjs <repo>/CaseFlow.Workflows/Processes/KEY.bpmn KEY.out.bpmn && python3 splice.py KEY
# (the file must not have a diagram yet; remove the old bpmndi:BPMNDiagram and namespace lines first).
import os,re,sys
k=sys.argv[1]
path=os.path.join(os.path.dirname(os.path.abspath(__file__)),'..','..','CaseFlow.Workflows','Processes',f'{k}.bpmn')
src=open(path,encoding='utf-8').read()
out=open(f'{k}.out.bpmn',encoding='utf-8').read()
assert 'bpmndi' not in src
m=re.search(r'(<bpmndi:BPMNDiagram.*</bpmndi:BPMNDiagram>)',out,re.S)
di=m.group(1)
decl=re.search(r'<bpmn:definitions([^>]*)>',out).group(1)
ns=dict(re.findall(r'xmlns:(\w+)="([^"]+)"',decl))
used=sorted(set(re.findall(r'<(\w+):',di)))
# add the DI namespaces after the caseflow namespace line, with the same indentation
mm=re.search(r'(\n(\s+)xmlns:caseflow="urn:caseflow:bpmn:1")',src)
indent=mm.group(2)
add=''.join(f'\n{indent}xmlns:{p}="{ns[p]}"' for p in used)
src=src.replace(mm.group(1), mm.group(1)+add,1)
comment='  <!-- The diagram below was generated once by bpmn-auto-layout 1.3.0 (docs/designer.md); it only draws the process. -->\n'
src=src.replace('</bpmn:definitions>', comment+'  '+di+'\n</bpmn:definitions>',1)
open(path,'w',encoding='utf-8').write(src)
print(k, used)
