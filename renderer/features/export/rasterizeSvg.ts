/** Chromium refuses canvases beyond these; a huge roadmap is drawn at a smaller scale instead. */
const MAX_CANVAS_SIDE = 16_384;
const MAX_CANVAS_AREA = 120_000_000;

/**
 * Draws an SVG onto a canvas at `scale` (2 for slides on high-density
 * screens) and returns the PNG's bytes, on a white background so the image
 * reads the same on a dark slide.
 */
export async function rasterizeSvg(svg: string, width: number, height: number, scale = 2): Promise<Uint8Array> {
  const fitted = Math.min(
    scale,
    MAX_CANVAS_SIDE / width,
    MAX_CANVAS_SIDE / height,
    Math.sqrt(MAX_CANVAS_AREA / (width * height)),
  );
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * fitted);
    canvas.height = Math.round(height * fitted);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("this window cannot draw images");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error("the image was too large to encode");
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
