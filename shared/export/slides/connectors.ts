import { DOMParser, type Document, type Element, XMLSerializer } from "@xmldom/xmldom";

const P = "http://schemas.openxmlformats.org/presentationml/2006/main";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";

/** A side of a rectangle or rounded rectangle, where a connector may be glued. */
export type ConnectionSite = "top" | "left" | "bottom" | "right";

/** The connection-site indices of `rect` and `roundRect` in DrawingML's preset geometry. */
const SITE_INDEX: Record<ConnectionSite, number> = { top: 0, left: 1, bottom: 2, right: 3 };

const GEOMETRY = { straight: "straightConnector1", bent: "bentConnector3", curved: "curvedConnector3" } as const;

/**
 * A connector glued to two shapes. pptxgenjs writes no connectors, so a section
 * draws a line named `name` where the connector goes (its position, colour,
 * dash and arrowheads) and `packDeck` turns that line into a `p:cxnSp`
 * whose ends hold on to the shapes named `from` and `to`: moving a phase in
 * PowerPoint then drags its arrows along.
 */
export interface GluedConnector {
  /** The `objectName` of the line drawn in the connector's place; unique in the deck. */
  name: string;
  /** The `objectName` of the (rounded) rectangle it starts at, on the same slide. */
  from: string;
  fromSite: ConnectionSite;
  to: string;
  toSite: ConnectionSite;
  geometry: keyof typeof GEOMETRY;
}

const SHAPE_PROPERTIES = /<p:cNvPr id="([^"]*)" name="([^"]*)"/g;
const XML_ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * The slide's XML with its named lines made connectors and its ids unique, or
 * null when it needs neither. Only such slides are parsed: a large deck's table
 * slides are most of its bytes and need nothing.
 */
export function glueSlide(xml: string, byName: ReadonlyMap<string, GluedConnector>): string | null {
  const properties = [...xml.matchAll(SHAPE_PROPERTIES)];
  const ids = properties.map((match) => match[1]);
  const glues = properties.some((match) => byName.has(unescapeXml(match[2] ?? "")));
  if (!glues && new Set(ids).size === ids.length) return null;
  const document = new DOMParser().parseFromString(xml, "text/xml");
  const shapeIds = new Map<string, string>();
  for (const property of uniqueIds(document)) {
    shapeIds.set(property.getAttribute("name") ?? "", property.getAttribute("id") ?? "");
  }
  const lines = Array.from(document.getElementsByTagNameNS(P, "sp")).filter((shape) => byName.has(shapeName(shape)));
  for (const line of lines) {
    const connector = byName.get(shapeName(line)) as GluedConnector;
    line.parentNode?.replaceChild(connectorShape(document, line, connector, shapeIds), line);
  }
  return new XMLSerializer().serializeToString(document);
}

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, entity: string) => XML_ENTITIES[entity] ?? "");
}

/**
 * The slide's shape properties, each id made unique: pptxgenjs writes its
 * slide-number placeholder with id 25 whatever the slide holds, so on a slide
 * of 24 shapes or more a connector glued to "25" would hold on to two shapes.
 */
function uniqueIds(document: Document): Element[] {
  const properties = Array.from(document.getElementsByTagNameNS(P, "cNvPr"));
  let next = Math.max(0, ...properties.map((property) => Number(property.getAttribute("id")) || 0)) + 1;
  const seen = new Set<string>();
  for (const property of properties) {
    const id = property.getAttribute("id") ?? "";
    if (seen.has(id)) property.setAttribute("id", String(next++));
    seen.add(property.getAttribute("id") ?? "");
  }
  return properties;
}

function shapeName(shape: Element): string {
  return shape.getElementsByTagNameNS(P, "cNvPr")[0]?.getAttribute("name") ?? "";
}

function connectorShape(
  document: Document,
  line: Element,
  connector: GluedConnector,
  shapeIds: ReadonlyMap<string, string>,
): Element {
  const end = (tag: string, shape: string, site: ConnectionSite) => {
    const id = shapeIds.get(shape);
    if (id === undefined) throw new Error(`connector ${connector.name}: no shape named ${shape} on its slide`);
    const element = document.createElementNS(A, `a:${tag}`);
    element.setAttribute("id", id);
    element.setAttribute("idx", String(SITE_INDEX[site]));
    return element;
  };
  const shape = document.createElementNS(P, "p:cxnSp");
  const nonVisual = document.createElementNS(P, "p:nvCxnSpPr");
  const properties = line.getElementsByTagNameNS(P, "cNvPr")[0] as Element;
  nonVisual.appendChild(properties.cloneNode(true));
  const connection = document.createElementNS(P, "p:cNvCxnSpPr");
  connection.appendChild(end("stCxn", connector.from, connector.fromSite));
  connection.appendChild(end("endCxn", connector.to, connector.toSite));
  nonVisual.appendChild(connection);
  nonVisual.appendChild(document.createElementNS(P, "p:nvPr"));
  shape.appendChild(nonVisual);
  const geometry = line.getElementsByTagNameNS(P, "spPr")[0] as Element;
  const drawn = geometry.cloneNode(true) as Element;
  drawn.getElementsByTagNameNS(A, "prstGeom")[0]?.setAttribute("prst", GEOMETRY[connector.geometry]);
  shape.appendChild(drawn);
  return shape;
}
