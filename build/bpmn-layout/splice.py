import re,sys
k=sys.argv[1]
path=f'/work/wt-designer-admin/CaseFlow.Workflows/Processes/{k}.bpmn'
src=open(path,encoding='utf-8').read()
out=open(f'/tmp/autolayout/{k}.out.bpmn',encoding='utf-8').read()
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
