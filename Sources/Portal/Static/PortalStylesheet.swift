/// The portal's stylesheet, served at `/static/portal.css` (no external fonts or frameworks).
enum PortalStylesheet {
    static let css = """
        :root { --ink: #1d2433; --muted: #5b6478; --line: #dde2ea; --bg: #f4f6fa; --card: #fff; --accent: #2458c6;
          --low: #1d7a46; --medium: #b26a00; --high: #c0262d; font-size: 17px; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: "Liberation Sans", Arial, Helvetica, sans-serif; color: var(--ink); background: var(--bg); }
        a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
        header.top { display: flex; align-items: center; gap: 1.5rem; padding: .6rem 1.5rem; background: #16233f; color: #fff; flex-wrap: wrap; }
        header.top a { color: #fff; } .brand { font-weight: bold; font-size: 1.15rem; display: flex; align-items: center; gap: .5rem; }
        nav a { margin-right: 1rem; opacity: .9; }
        form.search { display: flex; gap: .4rem; margin-left: auto; }
        form.search input { font-size: 1rem; padding: .35rem .6rem; width: 18rem; border-radius: 4px; border: 1px solid #9aa5bd; }
        form.search button { font-size: 1rem; padding: .35rem .9rem; border: 0; border-radius: 4px; background: #4f7be0; color: #fff; cursor: pointer; }
        .badge { background: #b26a00; padding: .15rem .5rem; border-radius: 3px; font-size: .85rem; }
        main { padding: 1rem 1.5rem 2rem; max-width: 1500px; margin: 0 auto; }
        h1 { font-size: 1.6rem; margin: .3rem 0 .8rem; } h2 { font-size: 1.05rem; margin: 0 0 .6rem; color: var(--muted); }
        .titlebar { display: flex; align-items: baseline; gap: 1rem; }
        .live { font-size: .85rem; color: var(--muted); } .live.on { color: var(--low); } .live.off { color: var(--high); }
        .kpis { display: flex; gap: 1rem; flex-wrap: wrap; margin-bottom: 1rem; }
        .kpi { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .7rem 1.1rem; min-width: 11rem; }
        .kpi-value { display: block; font-size: 1.9rem; font-weight: bold; font-variant-numeric: tabular-nums; }
        .kpi-label { color: var(--muted); font-size: .9rem; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 1rem; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .9rem 1.1rem; overflow: auto; }
        .card.wide { grid-column: span 2; } .card.full { grid-column: 1 / -1; }
        @media (max-width: 900px) { .card.wide, .card.full { grid-column: span 1; } }
        table { border-collapse: collapse; width: 100%; font-size: .95rem; }
        th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { color: var(--muted); font-weight: normal; } .num { text-align: right; font-variant-numeric: tabular-nums; }
        table.fields th { width: 40%; } td.url { word-break: break-all; font-size: .85rem; }
        .muted { color: var(--muted); } .empty { color: var(--muted); font-style: italic; }
        .problem { background: #fde8e8; border: 1px solid #f3b4b4; padding: .6rem .8rem; border-radius: 6px; }
        .ok { color: var(--low); font-size: .85rem; } .warn { color: var(--high); } .idle { color: var(--medium); font-size: .85rem; }
        a.kpi-link { color: inherit; text-decoration: none; display: contents; } svg.tilemap a:hover rect { stroke: var(--ink); }
        .notice { background: #fff4e0; border: 1px solid #f0c987; padding: .6rem .8rem; border-radius: 6px; }
        svg.chart text { font-size: 13px; fill: var(--ink); } svg.chart .value { fill: var(--muted); }
        svg.chart .bar { fill: #4f7be0; }
        svg.tilemap rect { fill: #e9edf4; stroke: #fff; } svg.tilemap text { text-anchor: middle; font-size: 15px; fill: var(--ink); }
        svg.tilemap .abbr { font-weight: bold; } svg.tilemap .count { font-size: 13px; }
        svg.tilemap .t1 rect { fill: #c9d8f7; } svg.tilemap .t2 rect { fill: #8fb0ee; } svg.tilemap .t3 rect { fill: #4f7be0; }
        svg.tilemap .t4 rect { fill: #1f4aa8; } svg.tilemap .t3 text, svg.tilemap .t4 text { fill: #fff; }
        ul.others { color: var(--muted); font-size: .9rem; }
        .score { font-size: 2rem; font-weight: bold; margin: .2rem 0; } .score span { font-size: .95rem; font-weight: normal; color: var(--muted); }
        .score.low { color: var(--low); } .score.medium { color: var(--medium); } .score.high { color: var(--high); }
        .nba { margin-bottom: 1rem; } .nba ul { margin: 0; padding-left: 1.2rem; } .action { margin: .25rem 0; font-size: 1.05rem; }
        .action.high { color: var(--high); font-weight: bold; } .action.medium { color: var(--medium); }
        svg.sparkline polyline { fill: none; stroke: var(--accent); stroke-width: 2; }
        svg.sparkline .threshold { stroke: var(--high); stroke-dasharray: 4 4; stroke-width: 1; }
        """
}
