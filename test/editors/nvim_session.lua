-- Neovim's own LSP client against a clangd, headless, for lit tests:
--
--   CLANGD=... FILE=... OUT=... [FIX=check] nvim --headless --clean \
--     -c 'luafile nvim_session.lua'
--
-- Starts CLANGD for FILE's directory, opens FILE, waits for its
-- diagnostics and writes them to OUT, one line each. With FIX, asks for the
-- code actions of the first diagnostic of that check, applies the first
-- one's workspace edit to the buffer as Neovim's code action menu does, and
-- writes the diagnostics that follow. Every wait has a timeout: a server that
-- hangs fails the test. vim.lsp.start_client and buf_attach_client: Debian's
-- Neovim is 0.7, older than vim.lsp.start.

local timeout_ms = tonumber(vim.env.TIMEOUT_MS or '120000')
local out = assert(io.open(vim.env.OUT, 'w'))

local function finish(code)
  out:close()
  vim.cmd(code == 0 and 'qall!' or 'cquit! ' .. code)
end

local function fail(message)
  out:write('nvim_session.lua: error: ' .. message .. '\n')
  finish(1)
end

local file = vim.fn.fnamemodify(vim.env.FILE, ':p')

-- Counts publishDiagnostics for the file (clangd also publishes some for
-- its configuration files), after Neovim's own handler has stored them.
local published = 0
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
local handlers = {
  ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
    default_handler(err, result, ctx, config)
    if result and result.uri == vim.uri_from_fname(file) then
      published = published + 1
    end
  end,
}
local client_id = vim.lsp.start_client({
  cmd = { vim.env.CLANGD, '--background-index=false' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  handlers = handlers,
})
if not client_id then
  return fail('cannot start ' .. vim.env.CLANGD)
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buffer = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buffer, client_id)

local function wait_for_diagnostics(count)
  if not vim.wait(timeout_ms, function() return published >= count end, 50) then
    fail('no diagnostics within ' .. timeout_ms .. ' ms')
    return false
  end
  local name = vim.fn.fnamemodify(file, ':t')
  local diagnostics = vim.diagnostic.get(buffer)
  out:write(string.format('nvim: %d diagnostics\n', #diagnostics))
  for _, d in ipairs(diagnostics) do
    local lsp = (d.user_data or {}).lsp or {}
    out:write(string.format('nvim: %s:%d:%d: %s: %s [%s]\n', name, d.lnum + 1,
      d.col + 1, vim.diagnostic.severity[d.severity]:lower(),
      d.message:gsub('\n', ' | '), lsp.code or d.code or '-'))
  end
  return true
end

if not wait_for_diagnostics(1) then
  return
end

local check = vim.env.FIX
if check and check ~= '' then
  -- As Neovim 0.7's code action request does: the line's diagnostics in
  -- the protocol's form.
  local chosen
  for _, d in ipairs(vim.diagnostic.get(buffer)) do
    local lsp = (d.user_data or {}).lsp or {}
    if (lsp.code or d.code) == check then
      for _, line_diagnostic in ipairs(
          vim.lsp.diagnostic.get_line_diagnostics(buffer, d.lnum, {}, client_id)) do
        if line_diagnostic.code == check then
          chosen = line_diagnostic
        end
      end
      break
    end
  end
  if not chosen then
    return fail('no ' .. check .. ' diagnostic')
  end
  local replies = vim.lsp.buf_request_sync(buffer, 'textDocument/codeAction', {
    textDocument = vim.lsp.util.make_text_document_params(buffer),
    range = chosen.range,
    context = { diagnostics = { chosen } },
  }, timeout_ms)
  local actions = replies and replies[client_id] and replies[client_id].result
  if not actions or not actions[1] or not actions[1].edit then
    return fail('no code action with an edit for ' .. check)
  end
  out:write('nvim: applying "' .. actions[1].title .. '"\n')
  vim.lsp.util.apply_workspace_edit(actions[1].edit, 'utf-16')
  out:write('nvim: line ' .. (chosen.range.start.line + 1) .. ' now: '
    .. vim.api.nvim_buf_get_lines(buffer, chosen.range.start.line,
      chosen.range.start.line + 1, true)[1] .. '\n')
  if not wait_for_diagnostics(2) then
    return
  end
end

vim.lsp.stop_client(client_id)
finish(0)
