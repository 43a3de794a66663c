import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Ghostscript's own CMYK profile (SWOP, "CGATS TR001"), which Debian's `ghostscript` installs. */
export const GHOSTSCRIPT_CMYK_PROFILE = '/usr/share/color/icc/ghostscript/default_cmyk.icc';

/**
 * `pdfx-4`: transparency kept as live objects (PDF 1.6), what current print shops ask for.
 * `pdfx-3`: Ghostscript's own PDF/X mode, which flattens transparency into pictures (the cover
 * at 720 dpi, nearly twice the time) for the shops whose workflows predate X-4.
 */
export type PdfxVersion = 'pdfx-4' | 'pdfx-3';

export interface PdfxOptions {
  version: PdfxVersion;
  /** The CMYK profile of the output intent; Ghostscript's own otherwise. */
  profile?: string | undefined;
}

export type PdfxConversion = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/**
 * The print file as PDF/X: every colour converted to CMYK for the profile, which becomes the
 * output intent; boxes, fonts and the DeviceGray greys (black on the K plate alone) kept.
 * Ghostscript 10.0 has a PDF/X mode for X-3 only; X-4 is its plain CMYK conversion at PDF 1.6
 * (which keeps transparency) with the identification X-4 asks for: the version in the document
 * information and in the XMP packet, `/Trapped`, the output intent. Ghostscript runs as its own
 * process, so the build goes on while it converts.
 */
export async function convertToPdfX(rgb: Uint8Array, options: PdfxOptions): Promise<PdfxConversion> {
  const profile = options.profile ?? GHOSTSCRIPT_CMYK_PROFILE;
  const dir = await mkdtemp(join(tmpdir(), 'triptyque-pdfx-'));
  try {
    await writeFile(join(dir, 'rgb.pdf'), rgb);
    await writeFile(join(dir, 'output-intent.ps'), pdfxMarks(profile, options.version));
    const mode = options.version === 'pdfx-3' ? ['-dPDFX'] : ['-dCompatibilityLevel=1.6'];
    await promisify(execFile)(
      'gs',
      // No -dNOSAFER: Ghostscript may read the profile and nothing else beyond its inputs. Names
      // relative to the folder: the file's /ID is made from the output's path, and with
      // SOURCE_DATE_EPOCH (which Ghostscript honours) two builds give the same bytes.
      ['-q', '-dBATCH', '-dNOPAUSE', '-sDEVICE=pdfwrite', ...mode, '-sColorConversionStrategy=CMYK', '-sProcessColorModel=DeviceCMYK', `--permit-file-read=${profile}`, '-sOutputFile=pdfx.pdf', 'output-intent.ps', 'rgb.pdf'],
      { cwd: dir, maxBuffer: 4 * 1024 * 1024 },
    );
    return { ok: true, bytes: new Uint8Array(await readFile(join(dir, 'pdfx.pdf'))) };
  } catch (error) {
    const { code, stderr, stdout } = error as NodeJS.ErrnoException & { stderr?: string; stdout?: string };
    if (code === 'ENOENT') return { ok: false, reason: 'Ghostscript (gs) is not installed' };
    const said = `${stdout ?? ''}${stderr ?? ''}`.trim().split('\n').slice(0, 2).join(' ');
    return { ok: false, reason: `Ghostscript failed${said ? `: ${said}` : ''}` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The pdfmarks that make the file PDF/X (what Ghostscript's `lib/PDFX_def.ps` shows, with our
 * profile): the version key, `/Trapped`, the catalog's output intent embedding the profile and,
 * for X-4, the same version and trapping in the XMP packet Ghostscript writes (`/Ext_Metadata`).
 */
function pdfxMarks(profile: string, version: PdfxVersion): string {
  const isGhostscripts = profile === GHOSTSCRIPT_CMYK_PROFILE;
  const name = version === 'pdfx-3' ? 'PDF/X-3:2002' : 'PDF/X-4';
  const xmp =
    version === 'pdfx-4'
      ? `[/XML ${psString(
          `<rdf:Description rdf:about="" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"><pdfxid:GTS_PDFXVersion>${name}</pdfxid:GTS_PDFXVersion></rdf:Description>` +
            '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Trapped>False</pdf:Trapped></rdf:Description>' +
            '<rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"><xmpMM:VersionID>1</xmpMM:VersionID><xmpMM:RenditionClass>default</xmpMM:RenditionClass></rdf:Description>',
        )} /Ext_Metadata pdfmark\n`
      : '';
  return `[ /GTS_PDFXVersion ${psString(name)} /Trapped /False /DOCINFO pdfmark
[/_objdef {icc_PDFX} /type /stream /OBJ pdfmark
[{icc_PDFX} << /N 4 >> /PUT pdfmark
[{icc_PDFX} ${psString(profile)} (r) file /PUT pdfmark
[/_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark
[{OutputIntent_PDFX} << /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier ${psString(isGhostscripts ? 'CGATS TR001' : 'Custom')} /OutputCondition ${psString(isGhostscripts ? 'Commercial and specialty printing (SWOP)' : profile.split('/').at(-1)!)} /Info (none) /RegistryName (http://www.color.org) /DestOutputProfile {icc_PDFX} >> /PUT pdfmark
[{Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark
${xmp}`;
}

/** A PostScript string: the bytes of `text` in UTF-8, backslash, parentheses and non-ASCII escaped. */
function psString(text: string): string {
  return `(${[...Buffer.from(text, 'utf8')].map((byte) => (byte === 0x5c || byte === 0x28 || byte === 0x29 ? `\\${String.fromCharCode(byte)}` : byte < 0x20 || byte > 0x7e ? `\\${byte.toString(8).padStart(3, '0')}` : String.fromCharCode(byte))).join('')})`;
}
