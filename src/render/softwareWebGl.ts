// Whether this browser's WebGL is drawn in software (no GPU, or headless Chromium), from the
// renderer name the driver reports.

/** Names software rasterisers report in UNMASKED_RENDERER_WEBGL: Chromium's SwiftShader (headless,
 * --disable-gpu, or a GPU on its blocklist; measured in Chromium 156: 'ANGLE (Google, Vulkan 1.3.0
 * (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)'), Mesa's llvmpipe and
 * softpipe, Windows' WARP ('Microsoft Basic Render Driver'; 'Software Adapter' in older ANGLE);
 * the same list as Ruffle's software-renderer check (ruffle-rs/ruffle#23534). A GPU's name ('ANGLE
 * (NVIDIA, …)', 'Apple M1', 'Mesa Intel(R) UHD Graphics 620') matches none of them. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

export function isSoftwareRendererName(name: string): boolean {
  return SOFTWARE.test(name);
}

/** Asks a throwaway context for the driver's renderer name (WEBGL_debug_renderer_info; plain
 * RENDERER where the extension is withheld, which some browsers fill with the real name). The
 * standard flag `failIfMajorPerformanceCaveat` would be the obvious probe, but headless Chromium
 * 156 grants a SwiftShader context with it set (measured), so it cannot tell here. */
export function softwareWebGl(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return isSoftwareRendererName(name);
  } catch {
    return false;
  }
}
