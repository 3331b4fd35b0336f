"""integration.*: what SharePoint, Lync/Skype for Business and Teams need from Exchange
(issue 15)."""
