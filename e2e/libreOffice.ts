import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** What LibreOffice Impress made of a deck: the PDF, its page count (pdfinfo) and its text (pdftotext). */
export interface ConvertedDeck {
  pdf: string;
  pages: number;
  text: string;
}

/**
 * Opens a .pptx in LibreOffice Impress, headless, and prints it to PDF in `folder`, as a user
 * without PowerPoint would open the deck. soffice exits 0 even when it cannot load a file, so a
 * missing PDF or an error on its output is what fails here, with what soffice said. Each call
 * gets its own LibreOffice profile inside `folder`, so parallel conversions never share one.
 */
export async function convertDeckToPdf(deck: string, folder: string): Promise<ConvertedDeck> {
  mkdirSync(folder, { recursive: true });
  const profile = pathToFileURL(path.join(folder, `lo-profile-${path.basename(deck, ".pptx")}`)).href;
  const said = await run(
    "soffice",
    [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", folder, deck],
    { encoding: "utf8" },
  );
  const pdf = path.join(folder, `${path.basename(deck, path.extname(deck))}.pdf`);
  const output = `${said.stdout}${said.stderr}`;
  if (!existsSync(pdf) || /\bError\b/i.test(output))
    throw new Error(`LibreOffice could not convert ${deck} to PDF: ${output.trim() || "it wrote no PDF"}`);
  return { pdf, pages: await pdfPageCount(pdf), text: (await run("pdftotext", [pdf, "-"])).stdout };
}

/** The number of pages pdfinfo counts in a PDF. */
export async function pdfPageCount(pdf: string): Promise<number> {
  const { stdout } = await run("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = /^Pages:\s+(\d+)/m.exec(stdout)?.[1];
  if (pages === undefined) throw new Error(`pdfinfo gave no page count for ${pdf}: ${stdout}`);
  return Number(pages);
}

/**
 * Pages of a PDF as PNGs `width` pixels wide (pdftoppm), named `<prefix>-<page>.png`; the paths,
 * in page order. To look at, and for the README's pictures.
 */
export async function renderPdfPages(
  pdf: string,
  prefix: string,
  { first = 1, last, width }: { first?: number; last?: number; width: number },
): Promise<string[]> {
  const lastPage = last ?? (await pdfPageCount(pdf));
  await run("pdftoppm", [
    "-png",
    "-f",
    String(first),
    "-l",
    String(lastPage),
    "-scale-to-x",
    String(width),
    "-scale-to-y",
    "-1",
    pdf,
    prefix,
  ]);
  const folder = path.dirname(prefix);
  const name = path.basename(prefix);
  // pdftoppm pads the page number to the width of the last page's, so list what it wrote.
  return readdirSync(folder)
    .filter((file) => file.startsWith(`${name}-`) && file.endsWith(".png"))
    .map((file) => ({ file, page: Number(file.slice(name.length + 1, -4)) }))
    .filter(({ page }) => page >= first && page <= lastPage)
    .sort((a, b) => a.page - b.page)
    .map(({ file }) => path.join(folder, file));
}
