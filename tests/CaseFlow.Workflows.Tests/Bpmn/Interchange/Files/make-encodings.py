#!/usr/bin/env python3
"""Writes the encoding variants of the interchange suite (run from this folder; the outputs are committed)."""

TEMPLATE = """<?xml version="1.0" encoding="{declared}"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:caseflow="urn:caseflow:bpmn:1" id="defs-{slug}" targetNamespace="urn:caseflow:interchange">
  <bpmn:process id="Process_{slug}" name="{process}" isExecutable="true">
    <bpmn:documentation>{doc}</bpmn:documentation>
    <bpmn:startEvent id="start" name="{start}" />
    <bpmn:userTask id="review" name="{task}" caseflow:candidateGroups="intake" />
    <bpmn:endEvent id="end" name="{end}" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram">
    <bpmndi:BPMNPlane id="plane" bpmnElement="Process_{slug}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="review_di" bpmnElement="review"><dc:Bounds x="180" y="78" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="330" y="100" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="180" y="118" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="280" y="118" /><di:waypoint x="330" y="118" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
"""

CHINESE = dict(process="投诉受理", doc="依据《市场监督管理投诉举报处理暂行办法》第十五条", start="收到投诉", task="受理审查（七个工作日）", end="受理完毕")
RARE = dict(CHINESE, task="受理审查：𠮷野家分店")  # U+20BB7 exists in GB18030 only (four bytes), not in GBK
LATIN1 = dict(process="Réclamation reçue", doc="Prüfung · Año · naïve · ½", start="Début", task="Vérifier la déclaration", end="Terminé")
CP1252 = dict(process="“Réclamation” – 2026", doc="Frais: 12 € ‰ œuvre Š", start="Début", task="Prüfung – „Antrag“", end="Fin…")

VARIANTS = [
    ("utf8-bom.bpmn", "UTF-8", "utf-8-sig", "utf8bom", CHINESE),
    ("utf16le-bom.bpmn", "UTF-16", "utf-16-le", "utf16le", CHINESE, b"\xff\xfe"),
    ("utf16be-bom.bpmn", "UTF-16", "utf-16-be", "utf16be", CHINESE, b"\xfe\xff"),
    ("utf16le-nobom.bpmn", "UTF-16", "utf-16-le", "utf16nobom", CHINESE),
    ("gb18030.bpmn", "GB18030", "gb18030", "gb18030", RARE),
    ("gbk.bpmn", "GBK", "gbk", "gbk", CHINESE),
    ("latin1.bpmn", "ISO-8859-1", "latin-1", "latin1", LATIN1),
    ("windows-1252.bpmn", "windows-1252", "cp1252", "cp1252", CP1252),
]

for name, declared, codec, slug, names, *bom in VARIANTS:
    text = TEMPLATE.format(declared=declared, slug=slug, **names)
    with open(name, "wb") as f:
        f.write((bom[0] if bom else b"") + text.encode(codec))
    # The same document as it must come back: UTF-8, declaring UTF-8.
    with open(name.replace(".bpmn", ".expected.xml"), "wb") as f:
        f.write(TEMPLATE.format(declared="UTF-8", slug=slug, **names).encode("utf-8"))
