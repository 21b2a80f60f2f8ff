-- Headless Neovim with plangraph's language server attached, as a planner's editor would have it:
-- opens a plan file, waits for the server's diagnostics, jumps to a definition with the user's own
-- command, and writes what it saw as JSON for test_neovim.py to check.
local result = { diagnostics = {}, jumped_to = nil, cursor = nil, error = nil }

local function finish()
  local file = io.open(vim.env.NVIM_RESULT, "w")
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd("qa!")
end

local ok, failure = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(vim.env.PLAN_FILE))
  local buffer = vim.api.nvim_get_current_buf()
  local client = vim.lsp.start_client({
    name = "plangraph",
    cmd = { vim.env.PLANGRAPH_BIN, "lsp", "--as-of", "2018-01-15", "--lang", "en" },
    root_dir = vim.fn.fnamemodify(vim.env.PLAN_FILE, ":h"),
  })
  vim.lsp.buf_attach_client(buffer, client)
  vim.wait(20000, function() return #vim.diagnostic.get(buffer) > 0 end, 50)
  for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
    table.insert(result.diagnostics, {
      line = diagnostic.lnum, col = diagnostic.col, severity = diagnostic.severity,
      code = diagnostic.code, message = diagnostic.message,
    })
  end
  -- The cursor on the `owner: gov` value, then the definition jump a user makes with `gd` or :lua.
  local row = vim.fn.search("^owner: gov", "n")
  vim.api.nvim_win_set_cursor(0, { row, 8 })
  local before = vim.api.nvim_buf_get_name(0)
  vim.lsp.buf.definition()
  vim.wait(10000, function() return vim.api.nvim_buf_get_name(0) ~= before end, 50)
  result.jumped_to = vim.api.nvim_buf_get_name(0)
  result.cursor = vim.api.nvim_win_get_cursor(0)
end)
if not ok then result.error = tostring(failure) end
finish()
