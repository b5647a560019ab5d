import type { RefObject } from "react"
import { useIsomorphicLayoutEffect } from "./internal/effects.js"

/**
 * The components' stylesheet. Every rule is scoped to `.amsg-*` classes (no
 * bare element selectors), themed through CSS custom properties that inherit
 * from any ancestor (or `:root`), each with a default:
 *
 * --amsg-font, --amsg-font-size, --amsg-accent, --amsg-accent-fg, --amsg-bg,
 * --amsg-panel, --amsg-surface, --amsg-fg, --amsg-muted, --amsg-border,
 * --amsg-radius, --amsg-danger, --amsg-notice-bg, --amsg-notice-fg,
 * --amsg-team-bubble, --amsg-height, --amsg-badge-bg, --amsg-badge-fg.
 */
export const AFFILIATE_MESSAGING_CSS: string = `
:where(.amsg-root,.amsg-badge){
--_font:var(--amsg-font,ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif);
--_size:var(--amsg-font-size,14px);
--_accent:var(--amsg-accent,#4f46e5);
--_on-accent:var(--amsg-accent-fg,#fff);
--_bg:var(--amsg-bg,#fff);
--_panel:var(--amsg-panel,#fafafa);
--_surface:var(--amsg-surface,#f1f1f4);
--_fg:var(--amsg-fg,#18181b);
--_muted:var(--amsg-muted,#71717a);
--_border:var(--amsg-border,#e4e4e7);
--_radius:var(--amsg-radius,14px);
--_danger:var(--amsg-danger,#dc2626);
--_tint:color-mix(in srgb,var(--_accent) 10%,var(--_bg));
--_hover:color-mix(in srgb,var(--_fg) 5%,transparent);
--_team:var(--amsg-team-bubble,color-mix(in srgb,var(--_accent) 13%,var(--_bg)));
}
.amsg-root{position:relative;display:flex;flex-direction:column;height:var(--amsg-height,600px);min-height:320px;font-family:var(--_font);font-size:var(--_size);line-height:1.45;color:var(--_fg);background:var(--_bg);border:1px solid var(--_border);border-radius:var(--_radius);overflow:hidden;container:amsg/inline-size;text-align:left;-webkit-font-smoothing:antialiased}
.amsg-root,.amsg-root *,.amsg-root *::before,.amsg-root *::after{box-sizing:border-box}
.amsg-root :where(button,input,textarea,select){font:inherit;color:inherit;letter-spacing:inherit}
.amsg-root :where(h2,h3,p,ul,ol,li,fieldset,legend,label,span,time,nav,section,header){margin:0;padding:0;color:inherit;font:inherit;letter-spacing:inherit;text-transform:none;background:none;border:0}
.amsg-root :where(ul,ol){list-style:none}
.amsg-root :focus-visible{outline:2px solid var(--_accent);outline-offset:2px}
.amsg-sr-only{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.amsg-app{flex:1;min-height:0;display:grid;grid-template-columns:minmax(240px,320px) minmax(0,1fr)}
.amsg-sidebar{display:flex;flex-direction:column;min-height:0;background:var(--_panel);border-right:1px solid var(--_border)}
.amsg-sidebar-header{display:flex;align-items:center;justify-content:space-between;gap:8px;min-height:58px;padding:12px 14px 8px 18px}
.amsg-heading{font-size:1.15em;font-weight:650;letter-spacing:-.01em}
.amsg-list{flex:1;overflow-y:auto;padding:4px 8px 8px;display:flex;flex-direction:column;gap:2px}
.amsg-conv{width:100%;display:grid;grid-template-columns:auto minmax(0,1fr);gap:12px;align-items:center;padding:10px;border:0;border-radius:calc(var(--_radius) - 4px);background:transparent;text-align:left;cursor:pointer;transition:background .15s}
.amsg-conv:hover{background:var(--_hover)}
.amsg-conv[aria-current="true"]{background:var(--_tint)}
.amsg-conv-body{display:flex;flex-direction:column;gap:2px;min-width:0}
.amsg-conv-top{display:flex;align-items:baseline;justify-content:space-between;gap:8px}
.amsg-conv-title{font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.amsg-conv-time{flex:none;font-size:.8em;color:var(--_muted)}
.amsg-conv-bottom{display:flex;align-items:center;gap:8px}
.amsg-conv-preview{flex:1;min-width:0;color:var(--_muted);font-size:.93em;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.amsg-conv[data-unread="true"] .amsg-conv-title{font-weight:700}
.amsg-conv[data-unread="true"] .amsg-conv-preview{color:var(--_fg);font-weight:500}
.amsg-conv[data-unread="true"] .amsg-conv-time{color:var(--_accent);font-weight:600}
.amsg-dot{flex:none;width:9px;height:9px;border-radius:50%;background:var(--_accent)}
.amsg-avatar{flex:none;display:inline-flex;align-items:center;justify-content:center;width:38px;height:38px;border-radius:50%;background:var(--_tint);color:var(--_accent);font-weight:650;font-size:.85em;letter-spacing:.02em}
.amsg-avatar[data-kind="member"]{background:var(--_surface);color:var(--_fg)}
.amsg-main{position:relative;display:flex;flex-direction:column;min-width:0;min-height:0;background:var(--_bg)}
.amsg-thread-header{display:flex;align-items:center;gap:10px;padding:12px 18px;border-bottom:1px solid var(--_border);min-height:62px}
.amsg-thread-title{font-size:1.05em;font-weight:650;line-height:1.25}
.amsg-thread-subtitle{color:var(--_muted);font-size:.86em}
.amsg-scroller{flex:1;min-height:0;overflow-y:auto;padding:8px 18px 18px;display:flex;flex-direction:column;overscroll-behavior:contain}
.amsg-older{align-self:center;margin:8px 0}
.amsg-day{display:flex;align-items:center;gap:12px;margin:18px 0 4px;color:var(--_muted);font-size:.78em;font-weight:600;text-transform:uppercase;letter-spacing:.05em}
.amsg-day::before,.amsg-day::after{content:"";flex:1;height:1px;background:var(--_border)}
.amsg-msg{display:flex;flex-direction:column;align-items:flex-start;gap:4px;max-width:min(78%,560px);margin-top:12px;align-self:flex-start}
.amsg-msg[data-side="self"],.amsg-msg[data-side="team"]{align-self:flex-end;align-items:flex-end}
.amsg-msg[data-grouped="true"]{margin-top:3px}
.amsg-msg[data-grouped="true"] .amsg-meta{display:none}
.amsg-meta{display:flex;align-items:baseline;gap:6px;padding:0 4px;font-size:.8em;color:var(--_muted)}
.amsg-author{font-weight:600;color:var(--_fg)}
.amsg-via{padding:0 6px;border:1px solid currentColor;border-radius:999px;font-size:.9em;line-height:1.4}
.amsg-bubble{padding:9px 13px;border-radius:var(--_radius);background:var(--_surface);white-space:pre-wrap;overflow-wrap:anywhere;max-width:100%}
.amsg-msg[data-side="store"] .amsg-bubble{border-top-left-radius:5px}
.amsg-msg[data-side="self"] .amsg-bubble{background:var(--_accent);color:var(--_on-accent);border-top-right-radius:5px}
.amsg-msg[data-side="team"] .amsg-bubble{background:var(--_team);border-top-right-radius:5px}
.amsg-msg[data-grouped="true"] .amsg-bubble{border-radius:var(--_radius)}
.amsg-system{align-self:center;margin:12px 0 0;padding:4px 12px;border-radius:999px;background:var(--_surface);color:var(--_muted);font-size:.85em;text-align:center;white-space:pre-wrap}
.amsg-link{color:var(--_accent);text-decoration:underline;text-underline-offset:2px;overflow-wrap:anywhere}
.amsg-msg[data-side="self"] .amsg-link{color:inherit}
.amsg-attachments{display:flex;flex-wrap:wrap;gap:6px;max-width:100%}
.amsg-msg[data-side="self"] .amsg-attachments,.amsg-msg[data-side="team"] .amsg-attachments{justify-content:flex-end}
.amsg-thumb{display:block;padding:0;border:1px solid var(--_border);border-radius:12px;overflow:hidden;background:var(--_surface);cursor:zoom-in;line-height:0}
.amsg-thumb-img{display:block;height:140px;width:auto;max-width:240px;object-fit:cover}
.amsg-thumb-placeholder{display:flex;align-items:center;justify-content:center;width:180px;height:140px;color:var(--_muted);font-size:.8em;line-height:1.3;padding:8px;text-align:center}
.amsg-file{display:flex;align-items:center;gap:10px;max-width:280px;padding:8px 12px 8px 10px;border:1px solid var(--_border);border-radius:12px;background:var(--_bg);color:var(--_fg);cursor:pointer;text-align:left;transition:border-color .15s,background .15s}
.amsg-file:hover{border-color:color-mix(in srgb,var(--_accent) 45%,var(--_border))}
.amsg-file-icon{flex:none;display:inline-flex;align-items:center;justify-content:center;width:34px;height:34px;border-radius:8px;background:var(--_tint);color:var(--_accent)}
.amsg-file-text{display:flex;flex-direction:column;min-width:0}
.amsg-file-name{font-weight:600;font-size:.93em;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.amsg-file-size{font-size:.8em;color:var(--_muted)}
.amsg-footer{padding:12px 16px 16px;border-top:1px solid var(--_border);background:var(--_bg)}
.amsg-composer{position:relative;display:flex;flex-direction:column;border:1px solid var(--_border);border-radius:var(--_radius);background:var(--_bg);transition:border-color .15s,box-shadow .15s}
.amsg-composer:focus-within{border-color:var(--_accent);box-shadow:0 0 0 3px color-mix(in srgb,var(--_accent) 18%,transparent)}
.amsg-textarea{display:block;width:100%;min-height:48px;max-height:200px;padding:12px 14px 6px;border:0;background:transparent;resize:none;outline:none;line-height:1.45}
.amsg-textarea:focus-visible{outline:none}
.amsg-textarea::placeholder{color:var(--_muted)}
.amsg-composer-bar{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:4px 8px 8px}
.amsg-composer-tools{display:flex;align-items:center;gap:6px;min-width:0}
.amsg-hint{font-size:.78em;color:var(--_muted);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.amsg-btn{display:inline-flex;align-items:center;justify-content:center;gap:6px;height:34px;padding:0 14px;border:1px solid transparent;border-radius:9px;background:var(--_accent);color:var(--_on-accent);font-weight:600;cursor:pointer;white-space:nowrap;transition:filter .15s,opacity .15s}
.amsg-btn:hover{filter:brightness(1.08)}
.amsg-btn:disabled{opacity:.45;cursor:not-allowed;filter:none}
.amsg-btn[data-variant="secondary"]{background:var(--_bg);color:var(--_fg);border-color:var(--_border)}
.amsg-btn[data-variant="secondary"]:hover{background:var(--_panel);filter:none}
.amsg-btn[data-variant="ghost"]{background:transparent;color:var(--_muted);border-color:transparent;height:30px;padding:0 10px;font-weight:500}
.amsg-btn[data-variant="ghost"]:hover{background:var(--_hover);color:var(--_fg);filter:none}
.amsg-icon-btn{flex:none;display:inline-flex;align-items:center;justify-content:center;width:34px;height:34px;padding:0;border:0;border-radius:9px;background:transparent;color:var(--_muted);cursor:pointer;transition:background .15s,color .15s}
.amsg-icon-btn:hover{background:var(--_hover);color:var(--_fg)}
.amsg-icon-btn[data-size="small"]{width:24px;height:24px;border-radius:6px}
.amsg-root .amsg-back{display:none}
.amsg-uploads{display:flex;flex-wrap:wrap;gap:6px;padding:4px 10px}
.amsg-upload{position:relative;display:flex;align-items:center;gap:8px;max-width:280px;padding:6px 4px 6px 10px;border:1px solid var(--_border);border-radius:10px;background:var(--_panel);overflow:hidden;font-size:.85em}
.amsg-upload[data-state="error"]{border-color:color-mix(in srgb,var(--_danger) 50%,var(--_border));background:color-mix(in srgb,var(--_danger) 6%,var(--_bg))}
.amsg-upload-text{display:flex;flex-direction:column;min-width:0}
.amsg-upload-name{font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.amsg-upload-status{color:var(--_muted);font-size:.92em}
.amsg-upload[data-state="error"] .amsg-upload-status{color:var(--_danger);white-space:normal}
.amsg-progress{position:absolute;left:0;bottom:0;height:3px;background:var(--_accent);transition:width .2s}
.amsg-drop{position:absolute;inset:0;display:flex;align-items:center;justify-content:center;gap:8px;border:2px dashed var(--_accent);border-radius:var(--_radius);background:color-mix(in srgb,var(--_bg) 88%,var(--_accent));color:var(--_accent);font-weight:600;pointer-events:none}
.amsg-notice{display:flex;align-items:flex-start;gap:10px;padding:12px 14px;border-radius:calc(var(--_radius) - 4px);background:var(--amsg-notice-bg,#fef9ec);color:var(--amsg-notice-fg,#7a4b0c);border:1px solid color-mix(in srgb,var(--amsg-notice-fg,#7a4b0c) 18%,transparent);white-space:pre-wrap}
.amsg-notice svg{flex:none;margin-top:1px}
.amsg-notice .amsg-link{color:inherit}
.amsg-alert{display:flex;align-items:flex-start;gap:8px;margin:8px 0 0;padding:8px 12px;border-radius:10px;background:color-mix(in srgb,var(--_danger) 8%,var(--_bg));color:var(--_danger);font-size:.9em}
.amsg-alert svg{flex:none;margin-top:3px}
.amsg-muted{color:var(--_muted)}
.amsg-center{flex:1;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:8px;padding:32px 24px;text-align:center}
.amsg-center-icon{display:inline-flex;align-items:center;justify-content:center;width:60px;height:60px;margin-bottom:6px;border-radius:50%;background:var(--_tint);color:var(--_accent)}
.amsg-center-title{font-size:1.15em;font-weight:650}
.amsg-center-text{max-width:420px;color:var(--_muted)}
.amsg-center-body{width:100%;max-width:560px;margin-top:14px;text-align:left}
.amsg-skeleton{border-radius:8px;background:linear-gradient(90deg,var(--_surface),var(--_panel),var(--_surface));background-size:200% 100%;animation:amsg-shimmer 1.2s linear infinite}
@keyframes amsg-shimmer{from{background-position:200% 0}to{background-position:-200% 0}}
.amsg-audience{display:grid;grid-template-columns:1fr 1fr;gap:8px;margin:0 0 12px;padding:0;border:0}
.amsg-audience-legend{margin-bottom:8px;font-weight:600;font-size:.9em}
.amsg-choice{position:relative;display:flex;flex-direction:column;gap:2px;padding:10px 12px 10px 36px;border:1px solid var(--_border);border-radius:10px;cursor:pointer;background:var(--_bg)}
.amsg-choice:has(input:checked){border-color:var(--_accent);background:var(--_tint)}
.amsg-choice input{position:absolute;left:12px;top:13px;margin:0;accent-color:var(--_accent)}
.amsg-choice-title{font-weight:600}
.amsg-choice-text{font-size:.85em;color:var(--_muted)}
.amsg-form{display:flex;flex-direction:column;gap:12px;width:100%;max-width:340px;margin-top:8px;text-align:left}
.amsg-field{display:flex;flex-direction:column;gap:4px;font-size:.9em;font-weight:600}
.amsg-input{height:40px;padding:0 12px;border:1px solid var(--_border);border-radius:9px;background:var(--_bg);font-weight:400;font-size:var(--_size)}
.amsg-input:focus{outline:none;border-color:var(--_accent);box-shadow:0 0 0 3px color-mix(in srgb,var(--_accent) 18%,transparent)}
.amsg-topbar{display:flex;align-items:center;justify-content:flex-end;gap:8px;padding:6px 12px;border-bottom:1px solid var(--_border);font-size:.85em;color:var(--_muted);background:var(--_panel)}
.amsg-spin{width:14px;height:14px;border:2px solid currentColor;border-right-color:transparent;border-radius:50%;animation:amsg-spin .7s linear infinite}
@keyframes amsg-spin{to{transform:rotate(360deg)}}
@container amsg (max-width:640px){
.amsg-app{grid-template-columns:minmax(0,1fr)}
.amsg-sidebar{border-right:0}
.amsg-root[data-view="thread"] .amsg-sidebar,.amsg-root[data-view="list"] .amsg-main{display:none}
.amsg-root .amsg-back{display:inline-flex}
.amsg-msg{max-width:88%}
.amsg-hint-keys{display:none}
.amsg-audience{grid-template-columns:1fr}
}
@media (prefers-reduced-motion:reduce){.amsg-root *{transition:none!important;animation:none!important}}
.amsg-badge{display:inline-flex;align-items:center;justify-content:center;box-sizing:border-box;min-width:20px;height:20px;padding:0 6px;border-radius:999px;background:var(--amsg-badge-bg,var(--_accent));color:var(--amsg-badge-fg,var(--_on-accent));font-family:var(--_font);font-size:12px;font-weight:700;line-height:1;font-variant-numeric:tabular-nums;vertical-align:middle}
`

const STYLE_MARKER = "data-amsg"

/**
 * Puts the stylesheet once into the document's head, or into the shadow root
 * the element lives in (as in the `<affiliate-messages>` web component).
 */
export function injectAffiliateMessagingStyles(node?: Node | null) {
  if (typeof document === "undefined") {
    return
  }
  const root = node?.getRootNode?.()
  const container: ParentNode =
    root && root.nodeType === 11 /* shadow root */ ? (root as ShadowRoot) : document.head
  if (container.querySelector(`style[${STYLE_MARKER}]`)) {
    return
  }
  const style = document.createElement("style")
  style.setAttribute(STYLE_MARKER, "")
  style.textContent = AFFILIATE_MESSAGING_CSS
  container.insertBefore(style, container.firstChild)
}

/** Injects the stylesheet next to `ref`'s element before paint (unless disabled). */
export function useAffiliateMessagingStyles(ref: RefObject<Element>, enabled = true) {
  useIsomorphicLayoutEffect(() => {
    if (enabled) {
      injectAffiliateMessagingStyles(ref.current)
    }
  }, [enabled])
}
