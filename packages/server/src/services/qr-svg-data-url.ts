import QRCode from 'qrcode';

/**
 * An SVG QR code as a data: URL for an <img> (rendered here, so the browser needs no library):
 * questionnaire and intake links, and the LINE link code.
 */
export async function qrSvgDataUrl(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
